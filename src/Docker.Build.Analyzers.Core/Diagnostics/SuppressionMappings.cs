using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Diagnostics
{
    /// <summary>
    /// Which DKR rules mean the same as a hadolint rule or a BuildKit check, so that suppression comments written for
    /// those tools keep working. docs/suppression.md shows this table to users; keep the two in step.
    /// </summary>
    public static class SuppressionMappings
    {
        public static readonly IReadOnlyDictionary<string, string[]> Hadolint = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["DL3000"] = new[] { "DKR117" },
            ["DL3002"] = new[] { "DKR201" },
            ["DL3003"] = new[] { "DKR117" },
            ["DL3004"] = new[] { "DKR206" },
            ["DL3005"] = new[] { "DKR125" },
            ["DL3006"] = new[] { "DKR101" },
            ["DL3007"] = new[] { "DKR101" },
            ["DL3008"] = new[] { "DKR118" },
            ["DL3009"] = new[] { "DKR106" },
            ["DL3011"] = new[] { "DKR303" },
            ["DL3012"] = new[] { "DKR113" },
            ["DL3013"] = new[] { "DKR118" },
            ["DL3014"] = new[] { "DKR126" },
            ["DL3015"] = new[] { "DKR105" },
            ["DL3016"] = new[] { "DKR118" },
            ["DL3018"] = new[] { "DKR118" },
            ["DL3019"] = new[] { "DKR108" },
            ["DL3020"] = new[] { "DKR111" },
            ["DL3021"] = new[] { "DKR127" },
            ["DL3022"] = new[] { "DKR114" },
            ["DL3023"] = new[] { "DKR114" },
            ["DL3024"] = new[] { "DKR115" },
            ["DL3025"] = new[] { "DKR302" },
            ["DL3027"] = new[] { "DKR126" },
            ["DL3028"] = new[] { "DKR118" },
            ["DL3042"] = new[] { "DKR109" },
            ["DL3045"] = new[] { "DKR304" },
            ["DL3057"] = new[] { "DKR301" },
            ["DL3063"] = new[] { "DKR115" },
            ["DL3064"] = new[] { "DKR202" },
            ["DL4000"] = new[] { "DKR112" },
            ["DL4003"] = new[] { "DKR113" },
            ["DL4004"] = new[] { "DKR113" },
            ["DL4006"] = new[] { "DKR119" },
        };

        public static readonly IReadOnlyDictionary<string, string[]> BuildKit = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["StageNameCasing"] = new[] { "DKR115" },
            ["DuplicateStageName"] = new[] { "DKR115" },
            ["ReservedStageName"] = new[] { "DKR115" },
            ["FromAsCasing"] = new[] { "DKR122" },
            ["ConsistentInstructionCasing"] = new[] { "DKR122" },
            ["JSONArgsRecommended"] = new[] { "DKR302" },
            ["MaintainerDeprecated"] = new[] { "DKR112" },
            ["UndefinedArgInFrom"] = new[] { "DKR116" },
            ["UndefinedVar"] = new[] { "DKR116" },
            ["WorkdirRelativePath"] = new[] { "DKR117" },
            ["MultipleInstructionsDisallowed"] = new[] { "DKR113" },
            ["LegacyKeyValueFormat"] = new[] { "DKR123" },
            ["SecretsUsedInArgOrEnv"] = new[] { "DKR202" },
            ["ExposeProtoCasing"] = new[] { "DKR303" },
            ["ExposeInvalidFormat"] = new[] { "DKR303" },
            ["CopyIgnoredFile"] = new[] { "DKR405" },
        };
    }
}
