using System.Collections.Generic;
using System.Linq;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>The parsed Dockerfile: every line kept, with exact spans, so the tree gives back its input byte for byte.</summary>
    public sealed class DockerfileSyntax
    {
        internal DockerfileSyntax(
            SourceText source,
            char escapeCharacter,
            IReadOnlyList<DockerfileElement> elements,
            IReadOnlyList<ParseError> errors)
        {
            Source = source;
            EscapeCharacter = escapeCharacter;
            Elements = elements;
            Errors = errors;
            // One pass to count, one to fill arrays of the exact size.
            int directives = 0, instructions = 0, comments = 0;
            foreach (var e in elements)
            {
                if (e is Instruction i)
                {
                    instructions++;
                    comments += i.InnerComments.Count;
                }
                else if (e is Comment) comments++;
                else if (e is ParserDirective) directives++;
            }
            var directiveArray = directives == 0 ? System.Array.Empty<ParserDirective>() : new ParserDirective[directives];
            var instructionArray = instructions == 0 ? System.Array.Empty<Instruction>() : new Instruction[instructions];
            var commentArray = comments == 0 ? System.Array.Empty<Comment>() : new Comment[comments];
            directives = instructions = comments = 0;
            foreach (var e in elements)
            {
                if (e is Instruction i)
                {
                    i.Index = instructions;
                    instructionArray[instructions++] = i;
                    foreach (var inner in i.InnerComments) commentArray[comments++] = inner;
                }
                else if (e is Comment c) commentArray[comments++] = c;
                else if (e is ParserDirective d) directiveArray[directives++] = d;
            }
            Directives = directiveArray;
            Instructions = instructionArray;
            Comments = commentArray;
        }

        public SourceText Source { get; }
        public string Path => Source.Path;

        /// <summary><c>\</c>, or <c>`</c> when a <c># escape=`</c> directive says so.</summary>
        public char EscapeCharacter { get; }

        /// <summary>Directives, comments, blank lines and instructions in file order; together they tile the file.</summary>
        public IReadOnlyList<DockerfileElement> Elements { get; }

        public IReadOnlyList<ParserDirective> Directives { get; }
        public IReadOnlyList<Instruction> Instructions { get; }

        /// <summary>All comments in file order, including those between continuation lines (not directives).</summary>
        public IReadOnlyList<Comment> Comments { get; }

        public IReadOnlyList<ParseError> Errors { get; }
        public bool HasErrors => Errors.Count > 0;

        public ParserDirective? GetDirective(string name) =>
            Directives.FirstOrDefault(d => d.Name == name.ToLowerInvariant());

        /// <summary>The input text rebuilt from the elements.</summary>
        public string ToFullString()
        {
            var sb = new StringBuilder(Source.Length);
            foreach (var e in Elements) sb.Append(Source.Text, e.FullSpan.Start, e.FullSpan.Length);
            return sb.ToString();
        }

        /// <summary>The original bytes: UTF-8, with the byte order mark if the file had one.</summary>
        public byte[] ToBytes()
        {
            var encoding = new UTF8Encoding(false);
            var body = encoding.GetBytes(ToFullString());
            if (!Source.HasByteOrderMark) return body;
            var result = new byte[body.Length + 3];
            result[0] = 0xEF; result[1] = 0xBB; result[2] = 0xBF;
            System.Array.Copy(body, 0, result, 3, body.Length);
            return result;
        }
    }
}
