using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Compose
{
    public enum YamlNodeKind
    {
        Scalar,
        Mapping,
        Sequence,
    }

    /// <summary>How a scalar is written; only plain scalars can be <c>null</c>, booleans or numbers.</summary>
    public enum YamlScalarStyle
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
    }

    /// <summary>
    /// A node of a compose file's YAML tree, with its exact span. A node that arrives through an alias, a merge key
    /// (<c>&lt;&lt;: *x</c>) or <c>extends</c> is a copy whose <see cref="ReportSpan"/> points at the place that brought
    /// it (the alias, the <c>&lt;&lt;</c> key, the <c>extends</c> key): findings about it are reported there, since
    /// that is the line that gives the service the value.
    /// </summary>
    public abstract class YamlNode
    {
        private protected YamlNode(SourceText source, TextSpan span, string? tag)
        {
            Source = source;
            Span = span;
            Tag = tag;
            ReportSource = source;
            ReportSpan = span;
        }

        public abstract YamlNodeKind Kind { get; }

        /// <summary>The file whose text <see cref="Span"/> is in.</summary>
        public SourceText Source { get; }

        /// <summary>Where the node's text is: for a scalar its value (quotes included), for a collection its first to last character.</summary>
        public TextSpan Span { get; }

        /// <summary>The explicit tag, such as <c>!reset</c> or <c>!override</c>; null when there is none.</summary>
        public string? Tag { get; }

        /// <summary>The file findings about this node go to (differs from <see cref="Source"/> for a value taken from another file with <c>extends</c>).</summary>
        public SourceText ReportSource { get; internal set; }

        /// <summary>Where findings about this node go: <see cref="Span"/>, or the alias, <c>&lt;&lt;</c> or <c>extends</c> key that brought it.</summary>
        public TextSpan ReportSpan { get; internal set; }

        /// <summary>True when the node was brought here by an alias, a merge key or <c>extends</c>.</summary>
        public bool IsIndirect => !ReferenceEquals(ReportSource, Source) || ReportSpan != Span;

        /// <summary>1-based line and column of the report position.</summary>
        public LinePosition ReportPosition => ReportSource.GetLinePosition(ReportSpan.Start);

        public bool IsReset => Tag == "!reset";
        public bool IsOverride => Tag == "!override";

        public YamlScalar? AsScalar => this as YamlScalar;
        public YamlMapping? AsMapping => this as YamlMapping;
        public YamlSequence? AsSequence => this as YamlSequence;

        /// <summary>A copy of this subtree whose report location is <paramref name="reportSpan"/> in <paramref name="reportSource"/>; counts the nodes copied against <paramref name="budget"/>.</summary>
        internal abstract YamlNode CopyReportedAt(SourceText reportSource, TextSpan reportSpan, ref int budget);

        internal static void Spend(ref int budget)
        {
            if (--budget < 0) throw new YamlNodeBudgetExceededException();
        }
    }

    internal sealed class YamlNodeBudgetExceededException : Exception
    {
    }

    /// <summary>A scalar value: its text as YAML reads it (escapes and folding applied), its style and tag.</summary>
    public sealed class YamlScalar : YamlNode
    {
        private InterpolatedValue? _interpolated;

        internal YamlScalar(SourceText source, TextSpan span, string value, YamlScalarStyle style, string? tag)
            : base(source, span, tag)
        {
            Value = value;
            Style = style;
        }

        public override YamlNodeKind Kind => YamlNodeKind.Scalar;

        /// <summary>The value before interpolation.</summary>
        public string Value { get; }

        public YamlScalarStyle Style { get; }
        public bool IsPlain => Style == YamlScalarStyle.Plain;
        public bool IsQuoted => Style == YamlScalarStyle.SingleQuoted || Style == YamlScalarStyle.DoubleQuoted;

        /// <summary>YAML null: an empty plain value, <c>~</c> or <c>null</c> (no tag).</summary>
        public bool IsNull => IsPlain && Tag == null && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        /// <summary>A plain <c>true</c>/<c>false</c> (any case YAML allows), or a quoted one (Compose accepts both for its flags).</summary>
        public bool? AsBoolean
        {
            get
            {
                switch (Value)
                {
                    case "true": case "True": case "TRUE": return true;
                    case "false": case "False": case "FALSE": return false;
                    default: return null;
                }
            }
        }

        /// <summary>Compose interpolation of the value (<c>$VAR</c>, <c>${VAR:-default}</c>, <c>$$</c>...), parsed once.</summary>
        public InterpolatedValue Interpolated => _interpolated ??= ComposeInterpolation.Analyze(Value);

        /// <summary>True when the value uses a variable (so it is not a literal the file fixes).</summary>
        public bool HasVariables => Interpolated.HasVariables;

        /// <summary>
        /// The value with variables replaced by their defaults (<c>${TAG:-latest}</c> reads <c>latest</c>) and <c>$$</c>
        /// by <c>$</c>; null when a variable has no default, since its value is then unknown.
        /// </summary>
        public string? ValueWithDefaults => Interpolated.ValueWithDefaults;

        /// <summary>The value when it uses no variable (<c>$$</c> read as <c>$</c>); null otherwise.</summary>
        public string? LiteralValue => Interpolated.HasVariables ? null : Interpolated.ValueWithDefaults;

        internal override YamlNode CopyReportedAt(SourceText reportSource, TextSpan reportSpan, ref int budget)
        {
            Spend(ref budget);
            return new YamlScalar(Source, Span, Value, Style, Tag) { ReportSource = reportSource, ReportSpan = reportSpan };
        }

        public override string ToString() => Value;
    }

    /// <summary>One <c>key: value</c> of a mapping.</summary>
    public sealed class YamlEntry
    {
        internal YamlEntry(YamlScalar key, YamlNode value)
        {
            Key = key;
            Value = value;
        }

        public YamlScalar Key { get; }
        public YamlNode Value { get; }
        public string Name => Key.Value;

        public override string ToString() => Key.Value + ": " + Value;
    }

    /// <summary>A mapping, with merge keys already applied: its entries in order (merged ones where the <c>&lt;&lt;</c> key was).</summary>
    public sealed class YamlMapping : YamlNode
    {
        internal YamlMapping(SourceText source, TextSpan span, string? tag, IReadOnlyList<YamlEntry> entries)
            : base(source, span, tag)
        {
            Entries = entries;
        }

        public override YamlNodeKind Kind => YamlNodeKind.Mapping;
        public IReadOnlyList<YamlEntry> Entries { get; }
        public int Count => Entries.Count;

        /// <summary>The entry with this key, or null (keys are unique: a duplicate is a compose error reported at parse).</summary>
        public YamlEntry? Find(string key)
        {
            var entries = Entries;
            for (int i = 0; i < entries.Count; i++)
                if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal)) return entries[i];
            return null;
        }

        /// <summary>The value of a key, or null.</summary>
        public YamlNode? this[string key] => Find(key)?.Value;

        /// <summary>The value of a nested key (<c>"resources", "limits", "memory"</c>), or null when any step is missing or not a mapping.</summary>
        public YamlNode? Get(params string[] path)
        {
            YamlNode? current = this;
            foreach (var key in path)
            {
                if (!(current is YamlMapping m)) return null;
                current = m[key];
                if (current == null) return null;
            }
            return current;
        }

        internal override YamlNode CopyReportedAt(SourceText reportSource, TextSpan reportSpan, ref int budget)
        {
            Spend(ref budget);
            var entries = new YamlEntry[Entries.Count];
            for (int i = 0; i < entries.Length; i++)
                entries[i] = new YamlEntry(
                    (YamlScalar)Entries[i].Key.CopyReportedAt(reportSource, reportSpan, ref budget),
                    Entries[i].Value.CopyReportedAt(reportSource, reportSpan, ref budget));
            return new YamlMapping(Source, Span, Tag, entries) { ReportSource = reportSource, ReportSpan = reportSpan };
        }
    }

    public sealed class YamlSequence : YamlNode
    {
        internal YamlSequence(SourceText source, TextSpan span, string? tag, IReadOnlyList<YamlNode> items)
            : base(source, span, tag)
        {
            Items = items;
        }

        public override YamlNodeKind Kind => YamlNodeKind.Sequence;
        public IReadOnlyList<YamlNode> Items { get; }
        public int Count => Items.Count;

        internal override YamlNode CopyReportedAt(SourceText reportSource, TextSpan reportSpan, ref int budget)
        {
            Spend(ref budget);
            var items = new YamlNode[Items.Count];
            for (int i = 0; i < items.Length; i++) items[i] = Items[i].CopyReportedAt(reportSource, reportSpan, ref budget);
            return new YamlSequence(Source, Span, Tag, items) { ReportSource = reportSource, ReportSpan = reportSpan };
        }
    }

    /// <summary>Why a compose file (or part of it) cannot be read as Compose reads it.</summary>
    public enum ComposeProblemKind
    {
        /// <summary>Not valid YAML (the parser's message and position).</summary>
        Syntax,

        /// <summary>Valid YAML Compose rejects: duplicate keys, two merge keys, an unknown alias, a bad merge value.</summary>
        Yaml,

        /// <summary>Too deep, or aliases that expand to too many nodes: the file was not read further.</summary>
        Limit,

        /// <summary><c>extends</c> or <c>include</c> that cannot be followed: a missing file or service, a cycle.</summary>
        Reference,
    }

    /// <summary>A problem found while reading a compose file, at a position in it.</summary>
    public sealed class ComposeProblem
    {
        public ComposeProblem(SourceText source, TextSpan span, ComposeProblemKind kind, string message)
        {
            Source = source;
            Span = span;
            Kind = kind;
            Message = message;
        }

        public SourceText Source { get; }
        public TextSpan Span { get; }
        public ComposeProblemKind Kind { get; }
        public string Message { get; }

        public override string ToString() => $"{Source.GetLinePosition(Span.Start)} {Kind}: {Message}";
    }
}
