using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Docker.Build.Analyzers.Reporting
{
    /// <summary>
    /// A small indented JSON writer, so the engine needs no JSON library: System.Text.Json is not part of
    /// netstandard2.0 and must not be loaded into the .NET Framework MSBuild task. Output is byte-for-byte stable:
    /// two-space indentation, '\n' line breaks on every OS, invariant numbers, and one escaping rule for every string.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly TextWriter _output;

        // One entry per open object or array: whether it already holds a member (so the next one needs a comma).
        private readonly Stack<bool> _hasMembers = new Stack<bool>();
        private bool _afterPropertyName;

        public JsonWriter(TextWriter output)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
        }

        public void StartObject() => Open('{');
        public void EndObject() => Close('}');
        public void StartArray() => Open('[');
        public void EndArray() => Close(']');

        public void PropertyName(string name)
        {
            BeginValue();
            WriteString(_output, name);
            _output.Write(": ");
            _afterPropertyName = true;
        }

        public void String(string value)
        {
            BeginValue();
            WriteString(_output, value);
        }

        public void Number(int value)
        {
            BeginValue();
            _output.Write(value.ToString(CultureInfo.InvariantCulture));
        }

        public void Boolean(bool value)
        {
            BeginValue();
            _output.Write(value ? "true" : "false");
        }

        public void Property(string name, string value)
        {
            PropertyName(name);
            String(value);
        }

        public void Property(string name, int value)
        {
            PropertyName(name);
            Number(value);
        }

        public void Property(string name, bool value)
        {
            PropertyName(name);
            Boolean(value);
        }

        /// <summary>Ends the document with a final line break (editors and diff tools expect one).</summary>
        public void Finish()
        {
            if (_hasMembers.Count != 0) throw new InvalidOperationException("An object or array is still open.");
            _output.Write('\n');
        }

        private void Open(char bracket)
        {
            BeginValue();
            _output.Write(bracket);
            _hasMembers.Push(false);
        }

        private void Close(char bracket)
        {
            bool hadMembers = _hasMembers.Pop();
            if (hadMembers) NewLine();
            _output.Write(bracket);
        }

        /// <summary>Writes the separator a value needs: nothing after a property name, else a comma and a new line inside a container.</summary>
        private void BeginValue()
        {
            if (_afterPropertyName)
            {
                _afterPropertyName = false;
                return;
            }
            if (_hasMembers.Count == 0) return;
            if (_hasMembers.Pop()) _output.Write(',');
            _hasMembers.Push(true);
            NewLine();
        }

        private void NewLine()
        {
            _output.Write('\n');
            for (int i = 0; i < _hasMembers.Count; i++) _output.Write("  ");
        }

        /// <summary>
        /// Writes a JSON string literal (RFC 8259): quote and backslash escaped, control characters as their short
        /// escape or <c>\u00XX</c>, U+2028/U+2029 escaped (they end lines in JavaScript), other non-ASCII text kept as
        /// is (the file is UTF-8). A lone surrogate cannot be encoded in UTF-8, so it becomes U+FFFD rather than
        /// making the file invalid.
        /// </summary>
        internal static void WriteString(TextWriter output, string value)
        {
            output.Write('"');
            int runStart = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string? escape = null;
                if (c == '"') escape = "\\\"";
                else if (c == '\\') escape = "\\\\";
                else if (c < 0x20 || c == '\u2028' || c == '\u2029')
                {
                    escape = c switch
                    {
                        '\n' => "\\n",
                        '\r' => "\\r",
                        '\t' => "\\t",
                        '\b' => "\\b",
                        '\f' => "\\f",
                        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    };
                }
                else if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        i++; // a valid pair: written as is with the run
                        continue;
                    }
                    escape = "\uFFFD";
                }
                else if (char.IsLowSurrogate(c))
                {
                    escape = "\uFFFD";
                }

                if (escape == null) continue;
                if (i > runStart) output.Write(value.Substring(runStart, i - runStart));
                output.Write(escape);
                runStart = i + 1;
            }
            if (runStart < value.Length) output.Write(runStart == 0 ? value : value.Substring(runStart));
            output.Write('"');
        }
    }
}
