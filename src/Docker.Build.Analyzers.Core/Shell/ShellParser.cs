using System;
using System.Collections.Generic;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Shell
{
    /// <summary>
    /// A recursive-descent reader of POSIX shell (with the bash extensions common in Dockerfiles). Lexing and parsing
    /// go together because the shell's tokens depend on where they are (reserved words only in command position,
    /// heredoc bodies after the next line break, <c>)</c> closing a substitution or a case pattern). Never throws for
    /// bad input: it records an error, skips what it cannot read, and goes on.
    /// </summary>
    internal sealed class ShellParser
    {
        /// <summary>Nesting beyond this (commands in substitutions in commands...) is not read further, so hostile input cannot exhaust the stack.</summary>
        private const int MaxDepth = 100;

        private static readonly string[] ThenStop = { "then" };
        private static readonly string[] IfBranchStops = { "elif", "else", "fi" };
        private static readonly string[] FiStop = { "fi" };
        private static readonly string[] DoStop = { "do" };
        private static readonly string[] DoneStop = { "done" };
        private static readonly string[] BraceStop = { "}" };
        private static readonly string[] EsacStop = { "esac" };

        // The script being read. A parser can read several scripts one after the other (the RUNs of one Dockerfile),
        // reusing its lists and buffers; it never reads two at once.
        private MappedText _text = null!;
        private string _s = "";
        private bool _heredocBodiesFollow;
        private int _pos;
        private int _end;
        private int _depth;

        private readonly List<SimpleCommand> _commands = new List<SimpleCommand>();
        private readonly List<ShellCommand> _allCommands = new List<ShellCommand>();
        private readonly List<bool> _sealed = new List<bool>();
        private readonly List<ShellPipeline> _pipelines = new List<ShellPipeline>();
        private readonly List<ShellRedirection> _redirections = new List<ShellRedirection>();
        private readonly List<ShellParseError> _errors = new List<ShellParseError>();
        private readonly List<ShellRedirection> _pendingHeredocs = new List<ShellRedirection>();
        private readonly Stack<StringBuilder> _builders = new Stack<StringBuilder>();

        // Scratch lists for the words and pipeline elements being gathered; a command's words can hold substitutions
        // whose commands gather their own words meanwhile, hence stacks. What a node keeps is copied to an exact array.
        private readonly Stack<List<ShellWord>> _wordLists = new Stack<List<ShellWord>>();
        private readonly Stack<List<ShellCommand>> _commandLists = new Stack<List<ShellCommand>>();
        private readonly Stack<List<ShellOperator>> _operatorLists = new Stack<List<ShellOperator>>();
        private readonly Stack<List<ShellSubstitution>> _substitutionLists = new Stack<List<ShellSubstitution>>();

        /// <summary>The words read so far, each text once: the same words come back in every RUN of a file.</summary>
        private readonly StringTable _strings = new StringTable();

        /// <summary>A parser for one script after another (see <see cref="ParseScript"/>).</summary>
        internal ShellParser()
        {
        }

        public static ShellScript Parse(MappedText text, bool heredocBodiesFollow) =>
            new ShellParser().ParseScript(text, heredocBodiesFollow);

        /// <summary>Parses a script, reusing the lists and buffers of the scripts this parser read before.</summary>
        internal ShellScript ParseScript(MappedText text, bool heredocBodiesFollow)
        {
            _text = text;
            _s = text.Value;
            _pos = 0;
            _end = _s.Length;
            _depth = 0;
            _heredocBodiesFollow = heredocBodiesFollow;
            _commands.Clear();
            _allCommands.Clear();
            _sealed.Clear();
            _pipelines.Clear();
            _redirections.Clear();
            _errors.Clear();
            _pendingHeredocs.Clear();

            ParseList(ShellContext.None, null, stopAtParen: false, stopAtCaseEnd: false);
            if (_pendingHeredocs.Count > 0)
            {
                foreach (var r in _pendingHeredocs)
                    Error($"the heredoc {r} has no body", r.Start, r.ToString().Length);
                _pendingHeredocs.Clear();
            }
            var script = Build();
            // Let go of the script's nodes: the parser may live on to read the next script.
            _commands.Clear();
            _allCommands.Clear();
            _pipelines.Clear();
            _redirections.Clear();
            _errors.Clear();
            return script;
        }

        private ShellScript Build()
        {
            var commands = ToArray(_commands);
            SortByStart(commands, c => c.Start);
            var pipelines = ToArray(_pipelines);
            SortByStart(pipelines, p => p.Start);
            var redirections = ToArray(_redirections);
            SortByStart(redirections, r => r.Start);
            return new ShellScript(_text, ShellDialect.Posix, commands, pipelines, redirections, ToArray(_errors));
        }

        /// <summary>The items of a list in an exact array (the shared empty array when there are none).</summary>
        private static T[] ToArray<T>(List<T> items) => items.Count == 0 ? Array.Empty<T>() : items.ToArray();

        // Insertion sort by start: stable, and the lists are nearly sorted already (only substitutions finish before
        // their command), so a pass is usually one comparison per item.
        private static void SortByStart<T>(T[] items, Func<T, int> start)
        {
            for (int i = 1; i < items.Length; i++)
            {
                var item = items[i];
                int key = start(item), j = i - 1;
                for (; j >= 0 && start(items[j]) > key; j--) items[j + 1] = items[j];
                items[j + 1] = item;
            }
        }

        // ---------------------------------------------------------------- lists, pipelines, commands

        private void ParseList(ShellContext ctx, string[]? stopWords, bool stopAtParen, bool stopAtCaseEnd)
        {
            var before = ShellOperator.None;
            while (true)
            {
                SkipBlanksAndComments();
                if (_pos >= _end) return;
                char c = _s[_pos];
                if (c == '\n')
                {
                    ConsumeNewline();
                    before = ShellOperator.Newline;
                    continue;
                }
                if (c == ';')
                {
                    int len = CaseTerminatorLength(_pos);
                    if (len > 0)
                    {
                        if (stopAtCaseEnd) return;
                        Error("';;' outside a case statement", _pos, len);
                        _pos += len;
                        continue;
                    }
                    Error("unexpected ';' with no command before it", _pos, 1);
                    _pos++;
                    continue;
                }
                if (c == ')')
                {
                    if (stopAtParen) return;
                    Error("unexpected ')'", _pos, 1);
                    _pos++;
                    continue;
                }
                if ((c == '&' && Peek(1) != '>') || c == '|')
                {
                    int len = (Peek(1) == '&' || Peek(1) == '|') ? 2 : 1;
                    Error($"unexpected '{_s.Substring(_pos, len)}' with no command before it", _pos, len);
                    _pos += len;
                    continue;
                }
                if (stopWords != null)
                {
                    var reserved = PeekReservedWord();
                    if (reserved != null && Array.IndexOf(stopWords, reserved) >= 0) return;
                }

                int startPos = _pos;
                var last = ParseAndOr(ctx, before);
                before = ShellOperator.None;
                SkipBlanksAndComments();
                if (_pos < _end)
                {
                    c = _s[_pos];
                    var separator = ShellOperator.None;
                    if (c == ';' && CaseTerminatorLength(_pos) == 0)
                    {
                        _pos++;
                        separator = ShellOperator.Semicolon;
                    }
                    else if (c == '&' && Peek(1) != '&' && Peek(1) != '>')
                    {
                        _pos++;
                        separator = ShellOperator.Background;
                    }
                    else if (c == '\n')
                    {
                        ConsumeNewline();
                        separator = ShellOperator.Newline;
                    }
                    if (last != null) last.FollowingOperator = separator;
                    before = separator;
                }
                if (_pos == startPos)
                {
                    Error($"unexpected '{_s[_pos]}'", _pos, 1);
                    _pos++;
                }
            }
        }

        private ShellPipeline? ParseAndOr(ShellContext ctx, ShellOperator before)
        {
            var pipeline = ParsePipeline(ctx);
            if (pipeline == null) return null;
            pipeline.PrecedingOperator = before;
            while (true)
            {
                SkipBlanksAndComments();
                if (_pos + 1 < _end && ((_s[_pos] == '&' && _s[_pos + 1] == '&') || (_s[_pos] == '|' && _s[_pos + 1] == '|')))
                {
                    var op = _s[_pos] == '&' ? ShellOperator.And : ShellOperator.Or;
                    int at = _pos;
                    _pos += 2;
                    pipeline.FollowingOperator = op;
                    SkipLinebreaks();
                    var next = ParsePipeline(ctx);
                    if (next == null)
                    {
                        Error($"'{(op == ShellOperator.And ? "&&" : "||")}' has no command after it", at, 2);
                        return pipeline;
                    }
                    next.PrecedingOperator = op;
                    pipeline = next;
                    continue;
                }
                return pipeline;
            }
        }

        private ShellPipeline? ParsePipeline(ShellContext ctx)
        {
            SkipBlanksAndComments();
            int start = _pos;
            bool negated = false;
            if (PeekReservedWord() == "!")
            {
                _pos++;
                negated = true;
            }
            var first = ParseCommand(ctx);
            if (first == null)
            {
                if (negated) Error("'!' has no command after it", start, 1);
                return null;
            }
            // Most pipelines are one command: an array of one, no list.
            List<ShellCommand>? piped = null;
            List<ShellOperator>? operators = null;
            while (true)
            {
                SkipBlanksAndComments();
                if (_pos < _end && _s[_pos] == '|' && Peek(1) != '|')
                {
                    if (piped == null)
                    {
                        piped = _commandLists.Count > 0 ? _commandLists.Pop() : new List<ShellCommand>();
                        piped.Add(first);
                    }
                    int at = _pos;
                    var op = Peek(1) == '&' ? ShellOperator.PipeAll : ShellOperator.Pipe;
                    _pos += op == ShellOperator.PipeAll ? 2 : 1;
                    SkipLinebreaks();
                    var next = ParseCommand(ctx);
                    if (next == null)
                    {
                        Error("'|' has no command after it", at, 1);
                        break;
                    }
                    (operators ??= _operatorLists.Count > 0 ? _operatorLists.Pop() : new List<ShellOperator>()).Add(op);
                    piped.Add(next);
                    continue;
                }
                break;
            }
            ShellPipeline pipeline;
            if (piped == null || piped.Count == 1)
            {
                if (piped != null)
                {
                    piped.Clear();
                    _commandLists.Push(piped);
                }
                if (operators != null)
                {
                    operators.Clear();
                    _operatorLists.Push(operators);
                }
                // A pipeline of one command: without '!' it is just the command (see ShellPipeline.Commands).
                pipeline = !negated && first.Start == start
                    ? new ShellPipeline(first)
                    : new ShellPipeline(new[] { first }, Array.Empty<ShellOperator>(), negated, start, first.End, SourceSpan(start, first.End));
                first.Pipeline = pipeline;
                first.PipelineIndex = 0;
            }
            else
            {
                var commands = piped.ToArray();
                piped.Clear();
                _commandLists.Push(piped);
                int end = commands[commands.Length - 1].End;
                var pipeOperators = operators!.ToArray();
                operators.Clear();
                _operatorLists.Push(operators);
                pipeline = new ShellPipeline(commands, pipeOperators, negated, start, end, SourceSpan(start, end));
                for (int i = 0; i < commands.Length; i++)
                {
                    commands[i].Pipeline = pipeline;
                    commands[i].PipelineIndex = i;
                }
            }
            _pipelines.Add(pipeline);
            return pipeline;
        }

        /// <summary>A command the grammar places outside any pipeline (a function body) still gets a pipeline of one.</summary>
        private void AloneInPipeline(ShellCommand command)
        {
            var pipeline = new ShellPipeline(command);
            command.Pipeline = pipeline;
            command.PipelineIndex = 0;
            _pipelines.Add(pipeline);
        }

        private ShellCommand? ParseCommand(ShellContext ctx)
        {
            SkipBlanksAndComments();
            if (_pos >= _end) return null;
            char c = _s[_pos];
            if (c == '\n' || c == ';' || c == ')' || c == '|' || (c == '&' && Peek(1) != '>')) return null;
            if (_depth >= MaxDepth)
            {
                Error("the script nests too deeply to be read further", _pos, 1);
                _pos = _end;
                return null;
            }
            _depth++;
            var result = ParseCommandCore(ctx, c);
            _depth--;
            return result;
        }

        private ShellCommand? ParseCommandCore(ShellContext ctx, char c)
        {
            if (c == '(')
            {
                if (Peek(1) == '(' && TryFindArithmeticEnd(_pos + 2, out int close))
                {
                    int start = _pos;
                    int firstCmd = _commands.Count, firstAll = _allCommands.Count;
                    _pos = close + 2;
                    return FinishCompound(CompoundKind.Arithmetic, start, ctx, firstCmd, firstAll, null);
                }
                return ParseSubshell(ctx);
            }
            var reserved = PeekReservedWord();
            switch (reserved)
            {
                case "{": return ParseBraceGroup(ctx, CompoundKind.BraceGroup);
                case "if": return ParseIf(ctx);
                case "while": return ParseWhile(ctx, CompoundKind.While);
                case "until": return ParseWhile(ctx, CompoundKind.Until);
                case "for": return ParseFor(ctx, CompoundKind.For);
                case "select": return ParseFor(ctx, CompoundKind.Select);
                case "case": return ParseCase(ctx);
                case "function": return ParseFunctionKeyword(ctx);
                case "[[": return ParseConditional(ctx);
                case "then":
                case "else":
                case "elif":
                case "fi":
                case "do":
                case "done":
                case "esac":
                case "}":
                    Error($"unexpected '{reserved}'", _pos, reserved.Length);
                    break;
            }
            return ParseSimpleCommand(ctx);
        }

        private CompoundCommand ParseSubshell(ShellContext ctx)
        {
            int start = _pos;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            _pos++;
            ParseList(ctx | ShellContext.Subshell, null, stopAtParen: true, stopAtCaseEnd: false);
            if (_pos < _end && _s[_pos] == ')') _pos++;
            else Error("'(' is never closed", start, 1);
            return FinishCompound(CompoundKind.Subshell, start, ctx, firstCmd, firstAll, null);
        }

        private CompoundCommand ParseBraceGroup(ShellContext ctx, CompoundKind kind)
        {
            int start = _pos;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            int open = _pos;
            _pos++;
            ParseList(ctx | ShellContext.BraceGroup, BraceStop, stopAtParen: false, stopAtCaseEnd: false);
            SkipBlanksAndComments();
            if (PeekReservedWord() == "}") _pos++;
            else Error("'{' is never closed by '}'", open, 1);
            return FinishCompound(kind, start, ctx, firstCmd, firstAll, null);
        }

        private CompoundCommand ParseIf(ShellContext ctx)
        {
            int start = _pos;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            _pos += 2;
            ParseList(ctx | ShellContext.Condition, ThenStop, false, false);
            Expect("then", start);
            ParseList(ctx | ShellContext.Branch, IfBranchStops, false, false);
            while (true)
            {
                SkipBlanksAndComments();
                var reserved = PeekReservedWord();
                if (reserved == "elif")
                {
                    _pos += 4;
                    ParseList(ctx | ShellContext.Condition | ShellContext.Branch, ThenStop, false, false);
                    Expect("then", start);
                    ParseList(ctx | ShellContext.Branch, IfBranchStops, false, false);
                    continue;
                }
                if (reserved == "else")
                {
                    _pos += 4;
                    ParseList(ctx | ShellContext.Branch, FiStop, false, false);
                    continue;
                }
                break;
            }
            Expect("fi", start);
            return FinishCompound(CompoundKind.If, start, ctx, firstCmd, firstAll, null);
        }

        private CompoundCommand ParseWhile(ShellContext ctx, CompoundKind kind)
        {
            int start = _pos;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            _pos += 5; // "while" and "until" have the same length
            ParseList(ctx | ShellContext.Condition | ShellContext.Loop, DoStop, false, false);
            Expect("do", start);
            ParseList(ctx | ShellContext.Loop, DoneStop, false, false);
            Expect("done", start);
            return FinishCompound(kind, start, ctx, firstCmd, firstAll, null);
        }

        private CompoundCommand ParseFor(ShellContext ctx, CompoundKind kind)
        {
            int start = _pos;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            _pos += kind == CompoundKind.For ? 3 : 6;
            var inner = ctx | ShellContext.Loop;
            SkipBlanks();
            if (_pos + 1 < _end && _s[_pos] == '(' && _s[_pos + 1] == '(')
            {
                if (TryFindArithmeticEnd(_pos + 2, out int close)) _pos = close + 2;
                else
                {
                    Error("'for ((' is never closed by '))'", _pos, 2);
                    _pos = _end;
                }
            }
            else if (_pos < _end && !IsMetaOrBlank(_s[_pos]))
            {
                SkipWord(inner);
            }
            else
            {
                Error($"'{(kind == CompoundKind.For ? "for" : "select")}' needs a variable name", start, 3);
            }
            SkipLinebreaks();
            if (PeekReservedWord() == "in")
            {
                _pos += 2;
                while (true)
                {
                    SkipBlanksAndComments();
                    if (_pos >= _end) break;
                    char c = _s[_pos];
                    if (c == ';' && CaseTerminatorLength(_pos) == 0) { _pos++; break; }
                    if (c == '\n') { ConsumeNewline(); break; }
                    if (IsMetaOrBlank(c) && !IsProcessSubstitutionStart(_pos))
                    {
                        Error($"unexpected '{c}' in the word list of '{(kind == CompoundKind.For ? "for" : "select")}'", _pos, 1);
                        break;
                    }
                    SkipWord(inner);
                }
            }
            else
            {
                SkipBlanksAndComments();
                if (_pos < _end && _s[_pos] == ';' && CaseTerminatorLength(_pos) == 0) _pos++;
            }
            SkipLinebreaks();
            var reserved = PeekReservedWord();
            if (reserved == "do")
            {
                _pos += 2;
                ParseList(inner, DoneStop, false, false);
                Expect("done", start);
            }
            else if (reserved == "{")
            {
                AloneInPipeline(ParseBraceGroup(inner, CompoundKind.BraceGroup));
            }
            else
            {
                Error("missing 'do'", start, 3);
            }
            return FinishCompound(kind, start, ctx, firstCmd, firstAll, null);
        }

        private CompoundCommand ParseCase(ShellContext ctx)
        {
            int start = _pos;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            _pos += 4;
            SkipBlanks();
            if (_pos < _end && !IsMetaOrBlank(_s[_pos])) SkipWord(ctx);
            else Error("'case' needs a word", start, 4);
            SkipLinebreaks();
            if (PeekReservedWord() == "in") _pos += 2;
            else Error("missing 'in' after 'case'", start, 4);
            while (true)
            {
                SkipLinebreaks();
                if (_pos >= _end)
                {
                    Error("'case' is never closed by 'esac'", start, 4);
                    break;
                }
                if (PeekReservedWord() == "esac")
                {
                    _pos += 4;
                    break;
                }
                if (_s[_pos] == '(') _pos++;
                bool closed = false;
                while (true)
                {
                    SkipBlanks();
                    if (_pos >= _end) break;
                    char c = _s[_pos];
                    if (c == ')') { _pos++; closed = true; break; }
                    if (c == '|') { _pos++; continue; }
                    if (IsMetaOrBlank(c)) break;
                    SkipWord(ctx);
                }
                if (!closed)
                {
                    Error("a case pattern is not closed by ')'", _pos < _end ? _pos : Math.Max(0, _end - 1), 1);
                    break;
                }
                ParseList(ctx | ShellContext.Branch, EsacStop, stopAtParen: false, stopAtCaseEnd: true);
                SkipBlanksAndComments();
                int len = CaseTerminatorLength(_pos);
                if (len > 0) _pos += len;
            }
            return FinishCompound(CompoundKind.Case, start, ctx, firstCmd, firstAll, null);
        }

        private CompoundCommand ParseFunctionKeyword(ShellContext ctx)
        {
            int start = _pos;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            _pos += 8;
            SkipBlanks();
            string? name = null;
            if (_pos < _end && !IsMetaOrBlank(_s[_pos])) name = ScanWord(ctx).Value;
            else Error("'function' needs a name", start, 8);
            SkipBlanks();
            TryConsumeEmptyParens();
            ParseFunctionBody(ctx);
            return FinishCompound(CompoundKind.FunctionDefinition, start, ctx, firstCmd, firstAll, name);
        }

        private void ParseFunctionBody(ShellContext ctx)
        {
            SkipLinebreaks();
            var body = ParseCommand(ctx | ShellContext.Function);
            if (body != null) AloneInPipeline(body);
            if (body == null) Error("the function has no body", _pos < _end ? _pos : Math.Max(0, _end - 1), 1);
            else if (body is SimpleCommand) Error("a function body must be a compound command such as '{ ...; }'", body.Start, body.End - body.Start);
        }

        private bool TryConsumeEmptyParens()
        {
            if (_pos >= _end || _s[_pos] != '(') return false;
            int p = _pos + 1;
            while (p < _end && IsBlank(_s[p])) p++;
            if (p >= _end || _s[p] != ')') return false;
            _pos = p + 1;
            return true;
        }

        /// <summary><c>[[ ... ]]</c>: operators inside are plain words; it is kept as a simple command named <c>[[</c>.</summary>
        private SimpleCommand ParseConditional(ShellContext ctx)
        {
            int start = _pos;
            var words = RentWords();
            words.Add(PlainWord(_pos, 2));
            _pos += 2;
            while (true)
            {
                SkipBlanks();
                if (_pos >= _end)
                {
                    Error("'[[' is never closed by ']]'", start, 2);
                    break;
                }
                char c = _s[_pos];
                if (c == '\n') { ConsumeNewline(); continue; }
                if (c == ']' && Peek(1) == ']' && (_pos + 2 >= _end || IsMetaOrBlank(_s[_pos + 2])))
                {
                    words.Add(PlainWord(_pos, 2));
                    _pos += 2;
                    break;
                }
                if ((c == '<' || c == '>') && Peek(1) == '(')
                {
                    words.Add(ScanWord(ctx));
                    continue;
                }
                if (c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')' || c == ';')
                {
                    int len = (c == '&' || c == '|') && Peek(1) == c ? 2 : 1;
                    words.Add(PlainWord(_pos, len));
                    _pos += len;
                    continue;
                }
                var w = ScanWord(ctx);
                if (w.Length == 0) _pos++;
                else words.Add(w);
            }
            return AddSimpleCommand(start, ctx, words, Array.Empty<ShellAssignment>(), Array.Empty<ShellRedirection>());
        }

        private ShellCommand? ParseSimpleCommand(ShellContext ctx)
        {
            int start = _pos;
            var words = RentWords();
            List<ShellAssignment>? assignments = null;
            List<ShellRedirection>? redirections = null;
            bool nameSeen = false;
            while (true)
            {
                SkipBlanksAndComments();
                if (_pos >= _end) break;
                char c = _s[_pos];
                if (c == '\n' || c == ';' || c == '|' || c == ')') break;
                if (c == '&' && Peek(1) != '>') break;
                if (c == '(')
                {
                    if (nameSeen && words.Count == (assignments?.Count ?? 0) + 1 && redirections == null)
                    {
                        int parens = _pos;
                        if (TryConsumeEmptyParens())
                        {
                            // name() body: a function definition, not a command.
                            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
                            string functionName = words[words.Count - 1].Value;
                            ReturnWords(words);
                            ParseFunctionBody(ctx);
                            return FinishCompound(CompoundKind.FunctionDefinition, start, ctx, firstCmd, firstAll, functionName);
                        }
                        _pos = parens;
                    }
                    Error("unexpected '(' inside a command", _pos, 1);
                    _pos++;
                    continue;
                }
                if (IsRedirectStart())
                {
                    (redirections ??= new List<ShellRedirection>()).Add(ParseRedirection(ctx));
                    continue;
                }
                var word = ScanWord(ctx);
                if (word.Length == 0)
                {
                    Error($"unexpected '{_s[_pos]}'", _pos, 1);
                    _pos++;
                    continue;
                }
                if (!nameSeen && TryGetAssignmentName(word.Raw, out var name, out int eq, out bool append))
                {
                    (assignments ??= new List<ShellAssignment>()).Add(new ShellAssignment(word, name, SubWord(word, eq + 1), append));
                    words.Add(word);
                    continue;
                }
                nameSeen = true;
                words.Add(word);
            }
            if (words.Count == 0 && redirections == null)
            {
                ReturnWords(words);
                return null;
            }
            return AddSimpleCommand(start, ctx, words, assignments == null ? Array.Empty<ShellAssignment>() : assignments.ToArray(),
                redirections == null ? Array.Empty<ShellRedirection>() : redirections.ToArray());
        }

        /// <summary>
        /// Adds a simple command of the gathered words (the assignments' words first, then the name and the arguments),
        /// then gives the scratch list of words back.
        /// </summary>
        private SimpleCommand AddSimpleCommand(int start, ShellContext ctx, List<ShellWord> words, IReadOnlyList<ShellAssignment> assignments, IReadOnlyList<ShellRedirection> redirections)
        {
            int end = start;
            for (int i = 0; i < words.Count; i++) end = Math.Max(end, words[i].End);
            for (int i = 0; i < redirections.Count; i++) end = Math.Max(end, redirections[i].End);
            int nameIndex = assignments.Count;
            ShellWord? name = null;
            var arguments = Array.Empty<ShellWord>();
            if (words.Count > nameIndex)
            {
                name = words[nameIndex];
                int count = words.Count - nameIndex - 1;
                if (count > 0)
                {
                    arguments = new ShellWord[count];
                    words.CopyTo(nameIndex + 1, arguments, 0, count);
                }
            }
            ReturnWords(words);
            var command = new SimpleCommand(start, end, SourceSpan(start, end), ctx, redirections, assignments, name, arguments);
            for (int i = 0; i < redirections.Count; i++) redirections[i].Command = command;
            _commands.Add(command);
            _allCommands.Add(command);
            _sealed.Add(false);
            return command;
        }

        private CompoundCommand FinishCompound(CompoundKind kind, int start, ShellContext ctx, int firstCmd, int firstAll, string? functionName)
        {
            var inner = CommandsSince(firstCmd);
            int innerEnd = _allCommands.Count;
            int bodyEnd = _pos;
            List<ShellRedirection>? redirections = null;
            while (true)
            {
                SkipBlanks();
                if (_pos < _end && IsRedirectStart()) (redirections ??= new List<ShellRedirection>()).Add(ParseRedirection(ctx));
                else break;
            }
            int end = bodyEnd;
            if (redirections != null) foreach (var r in redirections) end = Math.Max(end, r.End);
            else _pos = bodyEnd;
            var compound = new CompoundCommand(kind, start, end, SourceSpan(start, end), ctx,
                (IReadOnlyList<ShellRedirection>?)redirections ?? Array.Empty<ShellRedirection>(), inner, functionName);
            if (redirections != null) foreach (var r in redirections) r.Command = compound;
            for (int i = firstAll; i < innerEnd; i++)
            {
                if (_sealed[i]) continue;
                _allCommands[i].Parent = compound;
                _sealed[i] = true;
            }
            _allCommands.Add(compound);
            _sealed.Add(false);
            return compound;
        }

        private IReadOnlyList<SimpleCommand> CommandsSince(int first)
        {
            if (first >= _commands.Count) return Array.Empty<SimpleCommand>();
            var result = new SimpleCommand[_commands.Count - first];
            _commands.CopyTo(first, result, 0, result.Length);
            SortByStart(result, c => c.Start);
            return result;
        }

        private void Expect(string reserved, int constructStart)
        {
            SkipBlanksAndComments();
            if (PeekReservedWord() == reserved)
            {
                _pos += reserved.Length;
                return;
            }
            int at = Math.Min(constructStart, Math.Max(0, _s.Length - 1));
            Error($"missing '{reserved}'", at, 1);
        }

        // ---------------------------------------------------------------- redirections and heredocs

        private bool IsRedirectStart()
        {
            char c = _s[_pos];
            if (c == '<' || c == '>') return Peek(1) != '(';
            if (c == '&') return Peek(1) == '>';
            if (c >= '0' && c <= '9')
            {
                int p = _pos;
                while (p < _end && _s[p] >= '0' && _s[p] <= '9') p++;
                return p < _end && (_s[p] == '<' || _s[p] == '>') && !(p + 1 < _end && _s[p + 1] == '(');
            }
            return false;
        }

        private ShellRedirection ParseRedirection(ShellContext ctx)
        {
            int start = _pos;
            int? fd = null;
            if (_s[_pos] >= '0' && _s[_pos] <= '9')
            {
                int value = 0;
                while (_pos < _end && _s[_pos] >= '0' && _s[_pos] <= '9')
                {
                    if (value < 100000) value = value * 10 + (_s[_pos] - '0');
                    _pos++;
                }
                fd = value;
            }
            string op = ReadRedirectOperator();
            _pos += op.Length;
            SkipBlanks();
            ShellWord? target = null;
            if (_pos < _end && (!IsMetaOrBlank(_s[_pos]) || IsProcessSubstitutionStart(_pos)))
                target = ScanWord(ctx);
            else
                Error($"the redirection '{op}' has no target", start, _pos - start);
            int end = target?.End ?? _pos;
            var redirection = new ShellRedirection(op, fd, target, SourceSpan(start, end), start, end);
            if (redirection.IsHeredoc && target != null && _heredocBodiesFollow) _pendingHeredocs.Add(redirection);
            _redirections.Add(redirection);
            return redirection;
        }

        private string ReadRedirectOperator()
        {
            char c = _s[_pos];
            char n1 = Peek(1), n2 = Peek(2);
            if (c == '&') return n1 == '>' && n2 == '>' ? "&>>" : "&>";
            if (c == '<')
            {
                if (n1 == '<') return n2 == '<' ? "<<<" : n2 == '-' ? "<<-" : "<<";
                if (n1 == '&') return "<&";
                if (n1 == '>') return "<>";
                return "<";
            }
            if (n1 == '>') return ">>";
            if (n1 == '&') return ">&";
            if (n1 == '|') return ">|";
            return ">";
        }

        private void ConsumeNewline()
        {
            _pos++;
            if (_pendingHeredocs.Count > 0) ReadHeredocBodies();
        }

        /// <summary>After a line break, the bodies of the heredocs opened on the line before, one after the other.</summary>
        private void ReadHeredocBodies()
        {
            foreach (var r in _pendingHeredocs)
            {
                string delimiter = r.HeredocDelimiter ?? "";
                int bodyStart = _pos;
                bool found = false;
                while (_pos < _end)
                {
                    int lineStart = _pos;
                    int lineEnd = _s.IndexOf('\n', _pos, _end - _pos);
                    if (lineEnd < 0) lineEnd = _end;
                    int contentEnd = lineEnd;
                    if (contentEnd > lineStart && _s[contentEnd - 1] == '\r') contentEnd--;
                    int contentStart = lineStart;
                    if (r.StripsLeadingTabs) while (contentStart < contentEnd && _s[contentStart] == '\t') contentStart++;
                    _pos = lineEnd < _end ? lineEnd + 1 : _end;
                    if (contentEnd - contentStart == delimiter.Length && string.CompareOrdinal(_s, contentStart, delimiter, 0, delimiter.Length) == 0)
                    {
                        r.HeredocBody = _text.Slice(bodyStart, lineStart - bodyStart);
                        found = true;
                        break;
                    }
                }
                if (!found)
                {
                    r.HeredocBody = _text.Slice(bodyStart, _end - bodyStart);
                    Error($"the heredoc {r} is never terminated by a line '{delimiter}'", r.Start, r.End - r.Start);
                }
            }
            _pendingHeredocs.Clear();
        }

        // ---------------------------------------------------------------- words

        private ShellWord ScanWord(ShellContext ctx) => ScanWord(ctx, keep: true)!;

        /// <summary>
        /// Reads a word that is not kept (the variable and list of <c>for</c>, the word and patterns of <c>case</c>): its
        /// substitutions still add their commands, but no word or string is made.
        /// </summary>
        private void SkipWord(ShellContext ctx) => ScanWord(ctx, keep: false);

        /// <summary>Reads a word; null when not <paramref name="keep"/>.</summary>
        private ShellWord? ScanWord(ShellContext ctx, bool keep)
        {
            int start = _pos;
            StringBuilder? sb = null;
            bool quoted = false, expansion = false;
            List<ShellSubstitution>? subs = null;
            while (_pos < _end)
            {
                char c = _s[_pos];
                if (IsBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|') break;
                if (c == '<' || c == '>')
                {
                    if (_pos == start && Peek(1) == '(')
                    {
                        ScanProcessSubstitution(ctx, ref subs);
                        expansion = true;
                        sb?.Append(_s, start, _pos - start);
                        continue;
                    }
                    break;
                }
                if (c == '(')
                {
                    if (_pos > start && (IsExtglobPrefix(_s[_pos - 1]) || IsArrayAssignmentOpen(start)))
                    {
                        int from = _pos;
                        SkipBalancedParens();
                        sb?.Append(_s, from, _pos - from);
                        continue;
                    }
                    break;
                }
                if (c == ')') break;
                switch (c)
                {
                    case '\\':
                        {
                            if (_pos + 1 >= _end)
                            {
                                sb?.Append('\\');
                                _pos++;
                                continue;
                            }
                            sb ??= Rent(start);
                            char n = _s[_pos + 1];
                            if (n == '\n') { _pos += 2; continue; }
                            if (n == '\r' && _pos + 2 < _end && _s[_pos + 2] == '\n') { _pos += 3; continue; }
                            sb.Append(n);
                            quoted = true;
                            _pos += 2;
                            continue;
                        }
                    case '\'':
                        {
                            sb ??= Rent(start);
                            quoted = true;
                            int close = _s.IndexOf('\'', _pos + 1, _end - _pos - 1);
                            if (close < 0)
                            {
                                Error("a single quote is never closed", _pos, 1);
                                sb.Append(_s, _pos + 1, _end - _pos - 1);
                                _pos = _end;
                            }
                            else
                            {
                                sb.Append(_s, _pos + 1, close - _pos - 1);
                                _pos = close + 1;
                            }
                            continue;
                        }
                    case '"':
                        sb ??= Rent(start);
                        quoted = true;
                        ScanDoubleQuoted(ctx, sb, ref expansion, ref subs);
                        continue;
                    case '$':
                        {
                            char n = Peek(1);
                            if (n == '\'')
                            {
                                sb ??= Rent(start);
                                quoted = true;
                                ScanAnsiCQuoted(sb);
                                continue;
                            }
                            if (n == '"')
                            {
                                // $"..." is a translatable double-quoted string.
                                sb ??= Rent(start);
                                _pos++;
                                continue;
                            }
                            int before = _pos;
                            if (ScanDollar(ctx, ref subs))
                            {
                                expansion = true;
                                sb?.Append(_s, before, _pos - before);
                            }
                            else
                            {
                                sb?.Append('$');
                                _pos++;
                            }
                            continue;
                        }
                    case '`':
                        {
                            int before = _pos;
                            ScanBackquote(ctx, ref subs);
                            expansion = true;
                            sb?.Append(_s, before, _pos - before);
                            continue;
                        }
                    default:
                        {
                            // A run of characters that mean nothing special, taken in one step.
                            int run = _pos + 1;
                            while (run < _end && IsPlainWordChar(_s[run])) run++;
                            sb?.Append(_s, _pos, run - _pos);
                            _pos = run;
                            continue;
                        }
                }
            }
            string? value = null; // the raw text, when nothing was unquoted
            if (sb != null)
            {
                if (keep) value = _strings.Get(sb);
                Return(sb);
            }
            var substitutions = Array.Empty<ShellSubstitution>();
            if (subs != null)
            {
                if (keep) substitutions = subs.ToArray();
                subs.Clear();
                _substitutionLists.Push(subs);
            }
            if (!keep) return null;
            return new ShellWord(_text, start, _strings.Get(_s, start, _pos - start), value, quoted, expansion, substitutions);
        }

        private void ScanDoubleQuoted(ShellContext ctx, StringBuilder sb, ref bool expansion, ref List<ShellSubstitution>? subs)
        {
            int open = _pos;
            _pos++;
            while (_pos < _end)
            {
                char d = _s[_pos];
                if (d == '"')
                {
                    _pos++;
                    return;
                }
                if (d == '\\' && _pos + 1 < _end)
                {
                    char n = _s[_pos + 1];
                    if (n == '$' || n == '`' || n == '"' || n == '\\')
                    {
                        sb.Append(n);
                        _pos += 2;
                        continue;
                    }
                    if (n == '\n')
                    {
                        _pos += 2;
                        continue;
                    }
                    sb.Append('\\');
                    _pos++;
                    continue;
                }
                if (d == '$')
                {
                    int before = _pos;
                    if (ScanDollar(ctx, ref subs))
                    {
                        expansion = true;
                        sb.Append(_s, before, _pos - before);
                    }
                    else
                    {
                        sb.Append('$');
                        _pos++;
                    }
                    continue;
                }
                if (d == '`')
                {
                    int before = _pos;
                    ScanBackquote(ctx, ref subs);
                    expansion = true;
                    sb.Append(_s, before, _pos - before);
                    continue;
                }
                sb.Append(d);
                _pos++;
            }
            Error("a double quote is never closed", open, 1);
        }

        /// <summary><c>$'...'</c>: bash's quoting with C escapes.</summary>
        private void ScanAnsiCQuoted(StringBuilder sb)
        {
            int open = _pos;
            _pos += 2;
            while (_pos < _end)
            {
                char c = _s[_pos];
                if (c == '\'')
                {
                    _pos++;
                    return;
                }
                if (c == '\\' && _pos + 1 < _end)
                {
                    char n = _s[_pos + 1];
                    switch (n)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case '\\': sb.Append('\\'); break;
                        case '\'': sb.Append('\''); break;
                        case '"': sb.Append('"'); break;
                        default: sb.Append('\\').Append(n); break;
                    }
                    _pos += 2;
                    continue;
                }
                sb.Append(c);
                _pos++;
            }
            Error("a $'...' string is never closed", open, 2);
        }

        /// <summary>Reads a <c>$</c> expansion at the position; false when the <c>$</c> is a literal dollar.</summary>
        private bool ScanDollar(ShellContext ctx, ref List<ShellSubstitution>? subs)
        {
            int p = _pos;
            if (p + 1 >= _end) return false;
            char n = _s[p + 1];
            if (n == '(')
            {
                if (p + 2 < _end && _s[p + 2] == '(' && TryFindArithmeticEnd(p + 3, out int close))
                {
                    _pos = close + 2;
                    return true;
                }
                ScanCommandSubstitution(ctx, ref subs);
                return true;
            }
            if (n == '{')
            {
                int close = FindBraceEnd(p + 2);
                if (close < 0)
                {
                    Error("'${' is never closed by '}'", p, 2);
                    _pos = _end;
                }
                else
                {
                    _pos = close + 1;
                }
                return true;
            }
            if (IsNameStart(n))
            {
                p += 2;
                while (p < _end && IsNameChar(_s[p])) p++;
                _pos = p;
                return true;
            }
            if ((n >= '0' && n <= '9') || n == '@' || n == '*' || n == '#' || n == '?' || n == '-' || n == '$' || n == '!')
            {
                _pos = p + 2;
                return true;
            }
            return false;
        }

        private void ScanCommandSubstitution(ShellContext ctx, ref List<ShellSubstitution>? subs)
        {
            int open = _pos;
            _pos += 2;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            ParseNested(ctx | ShellContext.CommandSubstitution, stopAtParen: true);
            if (_pos < _end && _s[_pos] == ')') _pos++;
            else Error("'$(' is never closed by ')'", open, 2);
            (subs ??= RentSubstitutions()).Add(new ShellSubstitution(SubstitutionKind.Command, SourceSpan(open, _pos), CommandsSince(firstCmd)));
            Seal(firstAll);
        }

        private void ScanProcessSubstitution(ShellContext ctx, ref List<ShellSubstitution>? subs)
        {
            int open = _pos;
            var kind = _s[_pos] == '<' ? SubstitutionKind.ProcessInput : SubstitutionKind.ProcessOutput;
            _pos += 2;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            ParseNested(ctx | ShellContext.ProcessSubstitution, stopAtParen: true);
            if (_pos < _end && _s[_pos] == ')') _pos++;
            else Error($"'{_s.Substring(open, 2)}' is never closed by ')'", open, 2);
            (subs ??= RentSubstitutions()).Add(new ShellSubstitution(kind, SourceSpan(open, _pos), CommandsSince(firstCmd)));
            Seal(firstAll);
        }

        private void ScanBackquote(ShellContext ctx, ref List<ShellSubstitution>? subs)
        {
            int open = _pos;
            int j = _pos + 1;
            while (j < _end && _s[j] != '`') j += _s[j] == '\\' ? 2 : 1;
            bool closed = j < _end;
            if (!closed) j = _end;
            int savedEnd = _end;
            _end = j;
            _pos = open + 1;
            int firstCmd = _commands.Count, firstAll = _allCommands.Count;
            ParseNested(ctx | ShellContext.CommandSubstitution, stopAtParen: false);
            _end = savedEnd;
            if (closed) _pos = j + 1;
            else
            {
                Error("a backquote is never closed", open, 1);
                _pos = _end;
            }
            (subs ??= RentSubstitutions()).Add(new ShellSubstitution(SubstitutionKind.Backquote, SourceSpan(open, _pos), CommandsSince(firstCmd)));
            Seal(firstAll);
        }

        private void ParseNested(ShellContext ctx, bool stopAtParen)
        {
            if (_depth >= MaxDepth)
            {
                Error("the script nests too deeply to be read further", _pos, 1);
                _pos = _end;
                return;
            }
            _depth++;
            ParseList(ctx, null, stopAtParen, stopAtCaseEnd: false);
            _depth--;
        }

        private void Seal(int firstAll)
        {
            for (int i = firstAll; i < _sealed.Count; i++) _sealed[i] = true;
        }

        /// <summary>Finds the <c>))</c> closing an arithmetic expansion that starts before <paramref name="from"/>; false when the text is not arithmetic (<c>$( (a) | b )</c>).</summary>
        private bool TryFindArithmeticEnd(int from, out int close)
        {
            int depth = 0;
            for (int i = from; i < _end; i++)
            {
                char c = _s[i];
                if (c == '\\') { i++; continue; }
                if (c == '\'' || c == '"')
                {
                    int q = _s.IndexOf(c, i + 1, _end - i - 1);
                    if (q < 0) break;
                    i = q;
                    continue;
                }
                if (c == '(') depth++;
                else if (c == ')')
                {
                    if (depth > 0) { depth--; continue; }
                    if (i + 1 < _end && _s[i + 1] == ')')
                    {
                        close = i;
                        return true;
                    }
                    break;
                }
                else if (c == '\n' && depth == 0 && i + 1 < _end && _s[i + 1] == '\n')
                {
                    break;
                }
            }
            close = -1;
            return false;
        }

        /// <summary>The <c>}</c> closing a <c>${</c> whose content starts at <paramref name="from"/>, or -1.</summary>
        private int FindBraceEnd(int from)
        {
            int depth = 1;
            for (int i = from; i < _end; i++)
            {
                char c = _s[i];
                if (c == '\\') { i++; continue; }
                if (c == '\'' || c == '"')
                {
                    int q = _s.IndexOf(c, i + 1, _end - i - 1);
                    if (q < 0) return -1;
                    i = q;
                    continue;
                }
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) return i;
            }
            return -1;
        }

        private void SkipBalancedParens()
        {
            int depth = 0;
            while (_pos < _end)
            {
                char c = _s[_pos];
                if (c == '\\') { _pos += 2; continue; }
                if (c == '\'' || c == '"')
                {
                    int q = _s.IndexOf(c, _pos + 1, _end - _pos - 1);
                    _pos = q < 0 ? _end : q + 1;
                    continue;
                }
                _pos++;
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) return;
            }
            if (_pos > _end) _pos = _end;
        }

        /// <summary>Characters that end a word or start quoting, an escape, an expansion or a substitution in it (ASCII only).</summary>
        private static readonly bool[] WordSpecial = CreateWordSpecial();

        private static bool[] CreateWordSpecial()
        {
            var special = new bool[128];
            foreach (char c in " \t\r\f\v\n;&|<>()\\'\"$`") special[c] = true;
            return special;
        }

        /// <summary>A character <see cref="ScanWord"/> takes as it is, with nothing to look at around it.</summary>
        private static bool IsPlainWordChar(char c) => c >= 128 || !WordSpecial[c];

        private static bool IsExtglobPrefix(char c) => c == '@' || c == '!' || c == '+' || c == '*' || c == '?';

        private bool IsArrayAssignmentOpen(int wordStart)
        {
            int len = _pos - wordStart;
            if (len < 2 || _s[_pos - 1] != '=') return false;
            return TryGetAssignmentName(_s.Substring(wordStart, len), out _, out int eq, out _) && wordStart + eq + 1 == _pos;
        }

        private bool IsProcessSubstitutionStart(int p) =>
            p + 1 < _end && (_s[p] == '<' || _s[p] == '>') && _s[p + 1] == '(';

        // ---------------------------------------------------------------- characters

        private char Peek(int offset) => _pos + offset < _end ? _s[_pos + offset] : '\0';

        private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';

        private static bool IsMetaOrBlank(char c) =>
            IsBlank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')';

        internal static bool IsNameStart(char c) => c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        internal static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

        private void SkipBlanks()
        {
            while (_pos < _end)
            {
                char c = _s[_pos];
                if (IsBlank(c)) { _pos++; continue; }
                if (c == '\\' && _pos + 1 < _end && _s[_pos + 1] == '\n') { _pos += 2; continue; }
                if (c == '\\' && _pos + 2 < _end && _s[_pos + 1] == '\r' && _s[_pos + 2] == '\n') { _pos += 3; continue; }
                break;
            }
        }

        private void SkipBlanksAndComments()
        {
            SkipBlanks();
            if (_pos < _end && _s[_pos] == '#')
            {
                int nl = _s.IndexOf('\n', _pos, _end - _pos);
                _pos = nl < 0 ? _end : nl;
            }
        }

        /// <summary>Blanks, comments and line breaks (allowed after <c>&amp;&amp;</c>, <c>|</c>, before <c>in</c> and <c>do</c>).</summary>
        private void SkipLinebreaks()
        {
            while (true)
            {
                SkipBlanksAndComments();
                if (_pos < _end && _s[_pos] == '\n') ConsumeNewline();
                else return;
            }
        }

        private int CaseTerminatorLength(int p)
        {
            if (p + 1 >= _end || _s[p] != ';') return 0;
            if (_s[p + 1] == '&') return 2;
            if (_s[p + 1] != ';') return 0;
            return p + 2 < _end && _s[p + 2] == '&' ? 3 : 2;
        }

        /// <summary>The reserved word at the position, if the next word is one (unquoted and ending at a delimiter).</summary>
        private string? PeekReservedWord()
        {
            int p = _pos;
            while (p < _end)
            {
                char c = _s[p];
                if (IsMetaOrBlank(c) || c == '"' || c == '\'' || c == '\\' || c == '$' || c == '`') break;
                p++;
                if (p - _pos > 8) return null;
            }
            if (p == _pos) return null;
            if (p < _end && !IsMetaOrBlank(_s[p])) return null;
            return ReservedWordAt(_pos, p - _pos);
        }

        /// <summary>The reserved word (one of the literals below, never a new string) that is the text at the range, or null.</summary>
        private string? ReservedWordAt(int start, int length)
        {
            char c = _s[start];
            switch (length)
            {
                case 1:
                    return c == '!' ? "!" : c == '{' ? "{" : c == '}' ? "}" : null;
                case 2:
                    return c == 'i' ? Match(start, "if") ?? Match(start, "in")
                        : c == 'f' ? Match(start, "fi")
                        : c == 'd' ? Match(start, "do")
                        : c == '[' ? Match(start, "[[")
                        : null;
                case 3:
                    return Match(start, "for");
                case 4:
                    return c == 't' ? Match(start, "then")
                        : c == 'e' ? Match(start, "else") ?? Match(start, "elif") ?? Match(start, "esac")
                        : c == 'd' ? Match(start, "done")
                        : c == 'c' ? Match(start, "case")
                        : null;
                case 5:
                    return Match(start, "while") ?? Match(start, "until");
                case 6:
                    return Match(start, "select");
                case 8:
                    return Match(start, "function");
                default:
                    return null;
            }
        }

        /// <summary><paramref name="word"/> when the text at <paramref name="start"/> spells it (the caller checked the length).</summary>
        private string? Match(int start, string word)
        {
            for (int i = 0; i < word.Length; i++)
                if (_s[start + i] != word[i]) return null;
            return word;
        }

        // ---------------------------------------------------------------- helpers

        private StringBuilder Rent(int wordStart)
        {
            var sb = _builders.Count > 0 ? _builders.Pop() : new StringBuilder();
            sb.Append(_s, wordStart, _pos - wordStart);
            return sb;
        }

        private void Return(StringBuilder sb)
        {
            sb.Clear();
            _builders.Push(sb);
        }

        /// <summary>A scratch list for the substitutions of a word (given back by <see cref="ScanWord(ShellContext, bool)"/>).</summary>
        private List<ShellSubstitution> RentSubstitutions() =>
            _substitutionLists.Count > 0 ? _substitutionLists.Pop() : new List<ShellSubstitution>();

        private List<ShellWord> RentWords() => _wordLists.Count > 0 ? _wordLists.Pop() : new List<ShellWord>();

        private void ReturnWords(List<ShellWord> words)
        {
            words.Clear();
            _wordLists.Push(words);
        }

        private ShellWord PlainWord(int start, int length)
        {
            string raw = _strings.Get(_s, start, length);
            return new ShellWord(_text, start, raw, raw, false, false, Array.Empty<ShellSubstitution>());
        }

        private TextSpan SourceSpan(int start, int end) => _text.ToSourceSpan(start, Math.Max(0, end - start));

        private void Error(string message, int start, int length)
        {
            if (start > _s.Length) start = _s.Length;
            if (length < 0) length = 0;
            if (start + length > _s.Length) length = _s.Length - start;
            _errors.Add(new ShellParseError(message, _text.ToSourceSpan(start, length)));
        }

        /// <summary>A script of one command made of given words (an exec-form <c>RUN ["apt-get", "install", "x"]</c>, which no shell reads).</summary>
        internal static ShellScript SingleCommand(ShellWord name, ShellWord[] arguments, MappedText text)
        {
            var command = new SimpleCommand(0, text.Length, text.SourceSpan, ShellContext.None, Array.Empty<ShellRedirection>(), Array.Empty<ShellAssignment>(), name, arguments);
            var pipeline = new ShellPipeline(command);
            command.Pipeline = pipeline;
            return new ShellScript(text, ShellDialect.Posix, new[] { command }, new[] { pipeline }, Array.Empty<ShellRedirection>(), Array.Empty<ShellParseError>());
        }

        /// <summary>
        /// Strings cut from scripts, each distinct text kept once (an open-addressing hash set looked up by the characters,
        /// before any string is made). It lives as long as its parser, so one Dockerfile's RUNs share it; nothing is
        /// shared between parsers or threads.
        /// </summary>
        private sealed class StringTable
        {
            /// <summary>Longer texts (URLs, long paths) are rarely repeated: they are cut without being looked up.</summary>
            private const int MaxLength = 64;

            private string?[] _slots = new string?[128];
            private int _count;
            private readonly char[] _buffer = new char[MaxLength];

            /// <summary>The text at a range of <paramref name="text"/>.</summary>
            public string Get(string text, int start, int length)
            {
                if (length == 0) return "";
                if (length > MaxLength || length == text.Length) return text.Substring(start, length);
                // Looked up straight from the text: no copy to the buffer.
                var slots = _slots;
                int mask = slots.Length - 1;
                for (int i = Hash(text, start, length) & mask; ; i = (i + 1) & mask)
                {
                    var s = slots[i];
                    if (s == null) return Add(text.Substring(start, length));
                    if (s.Length == length && string.CompareOrdinal(s, 0, text, start, length) == 0) return s;
                }
            }

            /// <summary>The text of a builder.</summary>
            public string Get(StringBuilder builder)
            {
                int length = builder.Length;
                if (length == 0) return "";
                if (length > MaxLength) return builder.ToString();
                builder.CopyTo(0, _buffer, 0, length);
                return Get(length) ?? Add(new string(_buffer, 0, length));
            }

            /// <summary>The string equal to the first <paramref name="length"/> characters of the buffer, or null.</summary>
            private string? Get(int length)
            {
                var slots = _slots;
                int mask = slots.Length - 1;
                for (int i = Hash(_buffer, length) & mask; ; i = (i + 1) & mask)
                {
                    var s = slots[i];
                    if (s == null) return null;
                    if (s.Length == length && Equal(s, _buffer)) return s;
                }
            }

            private static bool Equal(string s, char[] buffer)
            {
                for (int i = 0; i < s.Length; i++)
                    if (s[i] != buffer[i]) return false;
                return true;
            }

            private string Add(string s)
            {
                if (++_count * 2 > _slots.Length)
                {
                    var old = _slots;
                    _slots = new string?[old.Length * 2];
                    foreach (var o in old)
                        if (o != null) Insert(o);
                }
                Insert(s);
                return s;
            }

            private void Insert(string s)
            {
                int mask = _slots.Length - 1;
                int i = Hash(s) & mask;
                while (_slots[i] != null) i = (i + 1) & mask;
                _slots[i] = s;
            }

            // FNV-1a over the characters; the overloads must agree.
            private static int Hash(char[] chars, int length)
            {
                uint hash = 2166136261;
                for (int i = 0; i < length; i++) hash = (hash ^ chars[i]) * 16777619;
                return (int)(hash & 0x7FFFFFFF);
            }

            private static int Hash(string s) => Hash(s, 0, s.Length);

            private static int Hash(string s, int start, int length)
            {
                uint hash = 2166136261;
                for (int i = start; i < start + length; i++) hash = (hash ^ s[i]) * 16777619;
                return (int)(hash & 0x7FFFFFFF);
            }
        }

        /// <summary><c>NAME=</c>, <c>NAME+=</c>, <c>NAME[i]=</c> at the start of a raw word.</summary>
        internal static bool TryGetAssignmentName(string raw, out string name, out int equalsIndex, out bool append)
        {
            name = "";
            equalsIndex = -1;
            append = false;
            if (raw.Length < 2 || !IsNameStart(raw[0])) return false;
            int i = 1;
            while (i < raw.Length && IsNameChar(raw[i])) i++;
            int nameEnd = i;
            if (i < raw.Length && raw[i] == '[')
            {
                int close = raw.IndexOf(']', i);
                if (close < 0) return false;
                i = close + 1;
            }
            if (i + 1 < raw.Length && raw[i] == '+' && raw[i + 1] == '=')
            {
                append = true;
                name = raw.Substring(0, nameEnd);
                equalsIndex = i + 1;
                return true;
            }
            if (i < raw.Length && raw[i] == '=')
            {
                name = raw.Substring(0, nameEnd);
                equalsIndex = i;
                return true;
            }
            return false;
        }

        /// <summary>The tail of a word from a raw offset whose prefix is plain text (the value of <c>NAME=value</c>).</summary>
        internal static ShellWord SubWord(ShellWord word, int offset)
        {
            int valueOffset = Math.Min(offset, word.Value.Length);
            IReadOnlyList<ShellSubstitution> subs = Array.Empty<ShellSubstitution>();
            var all = word.Substitutions;
            if (all.Count > 0)
            {
                var start = word.SpanOf(offset, 0).Start;
                var kept = new List<ShellSubstitution>();
                for (int i = 0; i < all.Count; i++)
                    if (all[i].Span.Start >= start) kept.Add(all[i]);
                subs = kept;
            }
            return new ShellWord(word.Text, word.Start + offset, word.Length - offset, word.Value.Substring(valueOffset),
                word.IsQuoted, word.ContainsExpansion, subs);
        }
    }
}
