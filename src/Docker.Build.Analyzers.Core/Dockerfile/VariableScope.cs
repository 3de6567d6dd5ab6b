using System;

namespace Docker.Build.Analyzers.Dockerfile
{
    public enum VariableKind
    {
        /// <summary>Declared by <c>ARG</c>.</summary>
        Arg,

        /// <summary>Set by <c>ENV</c> (in this stage or a stage it is built from).</summary>
        Env,

        /// <summary>Defined by Docker without a declaration (proxy variables; platform variables before the first FROM).</summary>
        Predefined,
    }

    /// <summary>A variable in scope: its kind, its value when known, and where it was declared.</summary>
    public sealed class VariableDefinition
    {
        public VariableDefinition(string name, VariableKind kind, string? value, KeyValue? declaration)
        {
            Name = name;
            Kind = kind;
            Value = value;
            Declaration = declaration;
        }

        public string Name { get; }
        public VariableKind Kind { get; }

        /// <summary>The value, or null when it is not known (an ARG without a default, a build argument).</summary>
        public string? Value { get; }

        public KeyValue? Declaration { get; }
    }

    /// <summary>
    /// The variables visible at one point of a Dockerfile. Immutable and persistent: defining a variable gives a new
    /// scope that shares the old one, so a rule can keep a scope for every instruction at no cost.
    /// </summary>
    public sealed class VariableScope
    {
        public static readonly VariableScope Empty = new VariableScope(null, null);

        private readonly VariableDefinition? _definition;
        private readonly VariableScope? _parent;

        private VariableScope(VariableDefinition? definition, VariableScope? parent)
        {
            _definition = definition;
            _parent = parent;
        }

        public VariableScope Define(VariableDefinition definition) => new VariableScope(definition, this);

        /// <summary>Docker variable names are case-sensitive.</summary>
        public VariableDefinition? Lookup(string name)
        {
            for (var s = this; s != null; s = s._parent)
                if (s._definition != null && string.Equals(s._definition.Name, name, StringComparison.Ordinal)) return s._definition;
            return null;
        }

        /// <summary>The definition of the name written at <paramref name="start"/> in <paramref name="text"/> (no substring made).</summary>
        public VariableDefinition? Lookup(string text, int start, int length)
        {
            for (var s = this; s != null; s = s._parent)
            {
                var d = s._definition;
                if (d != null && d.Name.Length == length && string.CompareOrdinal(d.Name, 0, text, start, length) == 0) return d;
            }
            return null;
        }

        public bool IsDefined(string name) => Lookup(name) != null;

        /// <summary>The value for expansion: null when undefined or unknown.</summary>
        public string? ValueOf(string name) => Lookup(name)?.Value;

        public System.Collections.Generic.IEnumerable<VariableDefinition> All
        {
            get
            {
                var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
                for (var s = this; s != null; s = s._parent)
                    if (s._definition != null && seen.Add(s._definition.Name)) yield return s._definition;
            }
        }
    }
}
