using System.Text.RegularExpressions;

namespace Docker.Build.Analyzers.DotNetPlatform
{
    /// <summary>
    /// The two settings of a global.json the cross-checks need: <c>sdk.version</c> and <c>sdk.rollForward</c>. Read by
    /// the hosts (a small file, read once per build) and handed over as project facts.
    /// </summary>
    public static class GlobalJson
    {
        // The "sdk" object holds only scalars, so its body ends at the first '}'.
        private static readonly Regex SdkObject = new Regex("\"sdk\"\\s*:\\s*\\{(?<body>[^}]*)\\}", RegexOptions.CultureInvariant);
        private static readonly Regex Version = new Regex("\"version\"\\s*:\\s*\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant);
        private static readonly Regex RollForward = new Regex("\"rollForward\"\\s*:\\s*\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant);

        /// <summary>The SDK version and roll-forward policy global.json names; nulls when it names none or is not JSON we understand.</summary>
        public static void Read(string? text, out string? sdkVersion, out string? rollForward)
        {
            sdkVersion = null;
            rollForward = null;
            if (string.IsNullOrEmpty(text)) return;
            var sdk = SdkObject.Match(text);
            if (!sdk.Success) return;
            string body = sdk.Groups["body"].Value;
            var version = Version.Match(body);
            if (version.Success) sdkVersion = version.Groups["value"].Value;
            var roll = RollForward.Match(body);
            if (roll.Success) rollForward = roll.Groups["value"].Value;
        }
    }
}
