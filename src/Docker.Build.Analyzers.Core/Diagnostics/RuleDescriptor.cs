using System;
using System.Globalization;
#if NET8_0_OR_GREATER
using System.Text;
#endif

namespace Docker.Build.Analyzers.Diagnostics
{
    /// <summary>Everything that describes a rule independently of any finding: the data SARIF, the IDE and the docs need.</summary>
    public sealed class RuleDescriptor
    {
        /// <summary>Where the rule pages live; every help link is this plus <c>DKRnnn.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/docker-build-analyzers/Docker.Build.Analyzers/blob/main/docs/rules/";

        public RuleDescriptor(string id, string title, string category, DiagnosticSeverity defaultSeverity, string messageFormat, string? description = null)
        {
            if (string.IsNullOrEmpty(id)) throw new ArgumentException("A rule needs an id.", nameof(id));
            Id = id;
            Title = title ?? throw new ArgumentNullException(nameof(title));
            Category = category ?? throw new ArgumentNullException(nameof(category));
            DefaultSeverity = defaultSeverity;
            MessageFormat = messageFormat ?? throw new ArgumentNullException(nameof(messageFormat));
            Description = description ?? title;
            HelpLink = HelpLinkBase + id + ".md";
#if NET8_0_OR_GREATER
            _format = TryParseFormat(MessageFormat);
#endif
        }

#if NET8_0_OR_GREATER
        /// <summary>The message format parsed once (every finding of the rule reuses it); null when it is not a valid format.</summary>
        private readonly CompositeFormat? _format;

        private static CompositeFormat? TryParseFormat(string format)
        {
            try
            {
                return CompositeFormat.Parse(format);
            }
            catch (FormatException)
            {
                return null;
            }
        }
#endif

        public string Id { get; }
        public string Title { get; }
        public string Category { get; }
        public DiagnosticSeverity DefaultSeverity { get; }

        /// <summary>A composite format string (<c>{0}</c>, <c>{1}</c> ...) filled with the finding's arguments.</summary>
        public string MessageFormat { get; }

        public string Description { get; }
        public string HelpLink { get; }

        public string FormatMessage(object?[] arguments)
        {
            if (arguments == null || arguments.Length == 0) return MessageFormat;
            try
            {
#if NET8_0_OR_GREATER
                // Same result and same failures as string.Format, without parsing the format for each finding.
                if (_format == null) return MessageFormat;
                return string.Format(CultureInfo.InvariantCulture, _format, arguments);
#else
                return string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);
#endif
            }
            catch (FormatException)
            {
                return MessageFormat;
            }
        }

        public override string ToString() => Id + ": " + Title;
    }
}
