using System;
using System.Collections.Generic;
using System.IO;
using Docker.Build.Analyzers.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Docker.Build.Analyzers.Compose
{
    /// <summary>
    /// Builds our node tree from YamlDotNet's parser events, without recursion: anchors and aliases resolved (aliases
    /// copied, within a node budget), merge keys applied, duplicate keys reported. The only place that touches
    /// YamlDotNet, so the assembly loads only when a compose file is parsed.
    /// </summary>
    internal static class YamlTreeBuilder
    {
        /// <summary>Deeper nesting is not something a compose file needs; stopping there keeps every walk shallow.</summary>
        public const int MaxDepth = 256;

        /// <summary>At most this many nodes are copied through aliases and merge keys (an alias bomb stops here).</summary>
        public const int MaxAliasNodes = 100_000;

        private sealed class Frame
        {
            public bool IsMapping;
            public int Start;
            public int End;
            public bool IsFlow;
            public string? Tag;
            public string? Anchor;
            public readonly List<YamlNode> Items = new List<YamlNode>();
            public readonly List<YamlEntry> Entries = new List<YamlEntry>();
            public YamlScalar? PendingKey;
            public bool SkipValue;
            public HashSet<string>? Keys;

            // Merge keys: where the one '<<' sits and what it merges; a sequence frame that is a '<<' value knows the key.
            public YamlScalar? MergeKey;
            public int MergeIndex;
            public YamlNode? MergeValue;
            public YamlScalar? MergeListKey;
        }

        public static YamlNode? Build(SourceText source, List<ComposeProblem> problems)
        {
            string text = source.Text;
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var stack = new List<Frame>();
            YamlNode? root = null;
            int budget = MaxAliasNodes;
            bool documentSeen = false;
            try
            {
                var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
                while (parser.MoveNext())
                {
                    var e = parser.Current;
                    switch (e)
                    {
                        case DocumentStart _:
                            // Compose reads the first document; later ones are ignored.
                            if (documentSeen) return root;
                            documentSeen = true;
                            break;
                        case Scalar s:
                        {
                            var node = new YamlScalar(source, Span(s.Start, s.End, text), s.Value, StyleOf(s.Style), TagOf(s.Tag));
                            if (!s.Anchor.IsEmpty) anchors[s.Anchor.Value] = node;
                            if (Add(stack, node, ref root, problems)) return null;
                            break;
                        }
                        case AnchorAlias a:
                        {
                            var span = Span(a.Start, a.End, text);
                            if (!anchors.TryGetValue(a.Value.Value, out var target))
                            {
                                problems.Add(new ComposeProblem(source, span, ComposeProblemKind.Yaml, $"the alias '*{a.Value.Value}' refers to no anchor defined before it"));
                                target = new YamlScalar(source, span, "", YamlScalarStyle.Plain, null);
                                if (Add(stack, target, ref root, problems)) return null;
                                break;
                            }
                            // A value merged with '<<' is reported at the '<<' key; any other alias at the alias.
                            var top = stack.Count > 0 ? stack[stack.Count - 1] : null;
                            var reportAt = span;
                            if (top != null && top.IsMapping && top.PendingKey != null && IsMergeKey(top.PendingKey)) reportAt = top.PendingKey.Span;
                            else if (top != null && !top.IsMapping && top.MergeListKey != null) reportAt = top.MergeListKey.Span;
                            YamlNode copy;
                            try
                            {
                                copy = target.CopyReportedAt(source, reportAt, ref budget);
                            }
                            catch (YamlNodeBudgetExceededException)
                            {
                                problems.Add(new ComposeProblem(source, span, ComposeProblemKind.Limit,
                                    $"aliases expand to more than {MaxAliasNodes:N0} nodes (an alias bomb?); the file was not read further"));
                                return null;
                            }
                            if (Add(stack, copy, ref root, problems)) return null;
                            break;
                        }
                        case SequenceStart ss:
                        {
                            if (stack.Count >= MaxDepth) return TooDeep(source, ss.Start, text, problems);
                            var parent = stack.Count > 0 ? stack[stack.Count - 1] : null;
                            var frame = new Frame
                            {
                                IsMapping = false,
                                Start = Offset(ss.Start, text),
                                IsFlow = ss.Style == YamlDotNet.Core.Events.SequenceStyle.Flow,
                                Tag = TagOf(ss.Tag),
                                Anchor = ss.Anchor.IsEmpty ? null : ss.Anchor.Value,
                            };
                            if (parent != null && parent.IsMapping && parent.PendingKey != null && IsMergeKey(parent.PendingKey)) frame.MergeListKey = parent.PendingKey;
                            frame.End = frame.Start;
                            stack.Add(frame);
                            break;
                        }
                        case MappingStart ms:
                        {
                            if (stack.Count >= MaxDepth) return TooDeep(source, ms.Start, text, problems);
                            var frame = new Frame
                            {
                                IsMapping = true,
                                Start = Offset(ms.Start, text),
                                IsFlow = ms.Style == YamlDotNet.Core.Events.MappingStyle.Flow,
                                Tag = TagOf(ms.Tag),
                                Anchor = ms.Anchor.IsEmpty ? null : ms.Anchor.Value,
                            };
                            frame.End = frame.Start;
                            stack.Add(frame);
                            break;
                        }
                        case SequenceEnd se:
                        {
                            var frame = Pop(stack);
                            int end = frame.IsFlow ? Math.Max(frame.End, Offset(se.End, text)) : frame.End;
                            var node = new YamlSequence(source, TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, end)), frame.Tag, frame.Items.ToArray());
                            if (frame.Anchor != null) anchors[frame.Anchor] = node;
                            if (Add(stack, node, ref root, problems)) return null;
                            break;
                        }
                        case MappingEnd me:
                        {
                            var frame = Pop(stack);
                            int end = frame.IsFlow ? Math.Max(frame.End, Offset(me.End, text)) : frame.End;
                            var entries = ApplyMerge(source, frame, problems);
                            var node = new YamlMapping(source, TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, end)), frame.Tag, entries);
                            if (frame.Anchor != null) anchors[frame.Anchor] = node;
                            if (Add(stack, node, ref root, problems)) return null;
                            break;
                        }
                    }
                }
            }
            catch (YamlException ex)
            {
                int at = Offset(ex.Start, text);
                problems.Add(new ComposeProblem(source, new TextSpan(at, 0), ComposeProblemKind.Syntax, CleanMessage(ex.Message)));
                return null;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException) && !(ex is OperationCanceledException))
            {
                // The parser failed in a way it does not describe: say so rather than crash the build.
                problems.Add(new ComposeProblem(source, new TextSpan(0, 0), ComposeProblemKind.Syntax, "the YAML parser failed (" + ex.GetType().Name + ": " + ex.Message + ")"));
                return null;
            }
            return root;
        }

        private static YamlNode? TooDeep(SourceText source, Mark at, string text, List<ComposeProblem> problems)
        {
            problems.Add(new ComposeProblem(source, new TextSpan(Offset(at, text), 0), ComposeProblemKind.Limit,
                $"the YAML is nested more than {MaxDepth} levels deep; the file was not read further"));
            return null;
        }

        private static Frame Pop(List<Frame> stack)
        {
            var frame = stack[stack.Count - 1];
            stack.RemoveAt(stack.Count - 1);
            return frame;
        }

        /// <summary>Adds a finished node to the open collection; returns true when the tree cannot go on.</summary>
        private static bool Add(List<Frame> stack, YamlNode node, ref YamlNode? root, List<ComposeProblem> problems)
        {
            if (stack.Count == 0)
            {
                root ??= node;
                return false;
            }
            var top = stack[stack.Count - 1];
            int end = node.Span.End;
            if (end > top.End) top.End = end;
            if (!top.IsMapping)
            {
                top.Items.Add(node);
                return false;
            }
            if (top.PendingKey == null && !top.SkipValue)
            {
                if (node is YamlScalar key)
                {
                    top.PendingKey = key;
                    if (IsMergeKey(key))
                    {
                        if (top.MergeKey != null)
                        {
                            problems.Add(new ComposeProblem(node.Source, key.Span, ComposeProblemKind.Yaml,
                                "a second '<<' merge key in the same mapping; merge several anchors with one '<<: [*a, *b]'"));
                            top.SkipValue = true;
                            top.PendingKey = null;
                        }
                    }
                    else
                    {
                        top.Keys ??= new HashSet<string>(StringComparer.Ordinal);
                        if (!top.Keys.Add(key.Value))
                        {
                            problems.Add(new ComposeProblem(node.Source, key.Span, ComposeProblemKind.Yaml, $"the key '{key.Value}' is already defined in this mapping"));
                            top.SkipValue = true;
                            top.PendingKey = null;
                        }
                    }
                }
                else
                {
                    problems.Add(new ComposeProblem(node.Source, node.Span, ComposeProblemKind.Yaml, "a mapping key must be a plain value, not a list or a mapping"));
                    top.SkipValue = true;
                }
                return false;
            }
            if (top.SkipValue)
            {
                top.SkipValue = false;
                return false;
            }
            var pending = top.PendingKey!;
            top.PendingKey = null;
            if (IsMergeKey(pending))
            {
                top.MergeKey = pending;
                top.MergeIndex = top.Entries.Count;
                top.MergeValue = node;
                return false;
            }
            top.Entries.Add(new YamlEntry(pending, node));
            return false;
        }

        private static bool IsMergeKey(YamlScalar key) => key.IsPlain && key.Tag == null && key.Value == "<<";

        /// <summary>
        /// The entries of a finished mapping with its '<<' merge applied: keys written in the mapping win, and among
        /// the merged mappings the earlier one wins; merged entries sit where the '<<' key was.
        /// </summary>
        private static IReadOnlyList<YamlEntry> ApplyMerge(SourceText source, Frame frame, List<ComposeProblem> problems)
        {
            if (frame.MergeKey == null || frame.MergeValue == null) return frame.Entries.ToArray();
            var sources = new List<YamlMapping>();
            if (frame.MergeValue is YamlMapping single) sources.Add(single);
            else if (frame.MergeValue is YamlSequence list)
            {
                foreach (var item in list.Items)
                {
                    if (item is YamlMapping m) sources.Add(m);
                    else problems.Add(new ComposeProblem(source, item.Span, ComposeProblemKind.Yaml, "each entry of a '<<' merge list must be a mapping (an alias such as '*defaults')"));
                }
            }
            else if (!(frame.MergeValue is YamlScalar s && s.IsNull))
            {
                problems.Add(new ComposeProblem(source, frame.MergeValue.Span, ComposeProblemKind.Yaml, "'<<' merges a mapping or a list of mappings"));
            }
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in frame.Entries) taken.Add(e.Key.Value);
            var merged = new List<YamlEntry>();
            foreach (var m in sources)
                foreach (var e in m.Entries)
                    if (taken.Add(e.Key.Value)) merged.Add(e);
            var result = new List<YamlEntry>(frame.Entries.Count + merged.Count);
            for (int i = 0; i < frame.MergeIndex; i++) result.Add(frame.Entries[i]);
            result.AddRange(merged);
            for (int i = frame.MergeIndex; i < frame.Entries.Count; i++) result.Add(frame.Entries[i]);
            return result;
        }

        private static YamlScalarStyle StyleOf(ScalarStyle style)
        {
            switch (style)
            {
                case ScalarStyle.SingleQuoted: return YamlScalarStyle.SingleQuoted;
                case ScalarStyle.DoubleQuoted: return YamlScalarStyle.DoubleQuoted;
                case ScalarStyle.Literal: return YamlScalarStyle.Literal;
                case ScalarStyle.Folded: return YamlScalarStyle.Folded;
                default: return YamlScalarStyle.Plain;
            }
        }

        private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

        private static int Offset(Mark mark, string text)
        {
            long index = mark.Index;
            if (index < 0) return 0;
            return index > text.Length ? text.Length : (int)index;
        }

        private static TextSpan Span(Mark start, Mark end, string text)
        {
            int s = Offset(start, text), e = Offset(end, text);
            return TextSpan.FromBounds(s, Math.Max(s, e));
        }

        /// <summary>YamlDotNet's message without the "(Line: 1, Col: 2, Idx: 3) - (...): " prefix: the position is the diagnostic's own.</summary>
        private static string CleanMessage(string message)
        {
            if (message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                int sep = message.IndexOf("): ", StringComparison.Ordinal);
                if (sep > 0 && message.IndexOf(" - (", StringComparison.Ordinal) is int dash && dash > 0 && dash < sep)
                {
                    int second = message.IndexOf("): ", dash, StringComparison.Ordinal);
                    if (second > 0) return message.Substring(second + 3).Trim();
                }
                if (sep > 0) return message.Substring(sep + 3).Trim();
            }
            return message.Trim();
        }
    }
}
