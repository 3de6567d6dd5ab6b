using System;
using System.Linq;
using Docker.Build.Analyzers.Shell;
using Xunit;

namespace Docker.Build.Analyzers.Tests.Shell
{
    public class ShellParserTests
    {
        private static ShellScript Parse(string text) => ShellScript.Parse(text);

        /// <summary>Each command as its word values joined by spaces.</summary>
        private static string[] Commands(ShellScript script) =>
            script.Commands.Select(c => string.Join(" ", c.Words.Select(w => w.Value))).ToArray();

        [Fact]
        public void Simple_command_has_name_and_arguments()
        {
            var script = Parse("apt-get install -y curl");
            var command = Assert.Single(script.Commands);
            Assert.Equal("apt-get", command.Name!.Value);
            Assert.Equal(new[] { "install", "-y", "curl" }, command.Arguments.Select(a => a.Value));
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Quotes_and_escapes_are_removed_from_values_but_expansions_are_kept()
        {
            var words = Parse("echo 'a b' \"c $HOME d\" e\\ f $'x\\ty' plain").Commands[0].Arguments;
            Assert.Equal(new[] { "a b", "c $HOME d", "e f", "x\ty", "plain" }, words.Select(w => w.Value));
            Assert.Equal(new[] { "'a b'", "\"c $HOME d\"", "e\\ f", "$'x\\ty'", "plain" }, words.Select(w => w.Raw));
            Assert.Equal(new[] { true, true, true, true, false }, words.Select(w => w.IsQuoted));
            Assert.Equal(new[] { false, true, false, false, false }, words.Select(w => w.ContainsExpansion));
        }

        [Fact]
        public void Single_quotes_hide_expansions()
        {
            var word = Parse("echo '$HOME $(rm -rf /)'").Commands.Single().Arguments[0];
            Assert.False(word.ContainsExpansion);
            Assert.Equal("$HOME $(rm -rf /)", word.Value);
        }

        [Theory]
        [InlineData("echo $VAR", "$VAR")]
        [InlineData("echo ${VAR:-a b}", "${VAR:-a b}")]
        [InlineData("echo ${#VAR}", "${#VAR}")]
        [InlineData("echo $((1 + (2 * 3)))", "$((1 + (2 * 3)))")]
        [InlineData("echo $1$@$?", "$1$@$?")]
        [InlineData("echo pre${X}post", "pre${X}post")]
        public void Parameter_and_arithmetic_expansions_stay_in_one_word(string text, string word)
        {
            var script = Parse(text);
            var arg = Assert.Single(script.Commands.Single().Arguments);
            Assert.Equal(word, arg.Raw);
            Assert.True(arg.ContainsExpansion);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void A_lone_dollar_is_literal()
        {
            var arg = Parse("echo $ a$").Commands[0].Arguments;
            Assert.Equal(new[] { "$", "a$" }, arg.Select(a => a.Value));
            Assert.All(arg, a => Assert.False(a.ContainsExpansion));
        }

        [Fact]
        public void Command_substitutions_are_parsed_and_their_commands_listed()
        {
            var script = Parse("VERSION=$(curl -fsSL https://x/v | jq -r .tag) && echo \"$(date) `uname -r`\"");
            Assert.Equal(new[] { "VERSION=$(curl -fsSL https://x/v | jq -r .tag)", "curl -fsSL https://x/v", "jq -r .tag", "echo $(date) `uname -r`", "date", "uname -r" }, Commands(script));
            var curl = script.Commands[1];
            Assert.True(curl.IsInCommandSubstitution);
            Assert.True(curl.IsPiped);
            Assert.Equal(ShellOperator.Pipe, curl.FollowingOperator);
            var assignment = script.Commands[0];
            Assert.Null(assignment.Name);
            var substitution = Assert.Single(assignment.Assignments[0].ValueWord.Substitutions);
            Assert.Equal(SubstitutionKind.Command, substitution.Kind);
            Assert.Equal(new[] { "curl", "jq" }, substitution.Commands.Select(c => c.CommandName));
            var echo = script.Commands[3];
            Assert.Equal(new[] { SubstitutionKind.Command, SubstitutionKind.Backquote }, echo.Arguments[0].Substitutions.Select(s => s.Kind));
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Nested_substitutions_and_backquotes()
        {
            var script = Parse("echo $(dirname $(readlink -f `which java`))");
            Assert.Equal(new[] { "echo", "dirname", "readlink", "which" }, script.Commands.Select(c => c.CommandName));
            Assert.All(script.Commands.Skip(1), c => Assert.True(c.IsInCommandSubstitution));
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Subshell_inside_command_substitution_is_not_arithmetic()
        {
            var script = Parse("x=$( (cd /a && ls) | wc -l)");
            Assert.Equal(new[] { "cd", "ls", "wc" }, script.Commands.Where(c => c.Name != null).Select(c => c.CommandName));
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Process_substitution_is_a_word_with_commands()
        {
            var script = Parse("bash <(curl -fsSL https://get.example/install.sh) --yes");
            var bash = script.Commands[0];
            Assert.Equal("bash", bash.CommandName);
            Assert.Equal(new[] { "<(curl -fsSL https://get.example/install.sh)", "--yes" }, bash.Arguments.Select(a => a.Raw));
            Assert.Equal(SubstitutionKind.ProcessInput, bash.Arguments[0].Substitutions[0].Kind);
            var curl = script.Commands[1];
            Assert.Equal("curl", curl.CommandName);
            Assert.True(curl.IsInProcessSubstitution);
            Assert.Empty(bash.Redirections);
        }

        [Fact]
        public void Comments_start_only_at_a_word_boundary()
        {
            var script = Parse("echo a#b # comment && rm -rf /\necho c");
            Assert.Equal(new[] { "echo a#b", "echo c" }, Commands(script));
        }

        [Fact]
        public void Operators_connect_commands()
        {
            var script = Parse("a && b || c; d & e | f |& g\nh");
            Assert.Equal(new[] { "a", "b", "c", "d", "e", "f", "g", "h" }, script.Commands.Select(c => c.CommandName));
            var ops = script.Commands.Select(c => (c.PrecedingOperator, c.FollowingOperator)).ToArray();
            Assert.Equal((ShellOperator.None, ShellOperator.And), ops[0]);
            Assert.Equal((ShellOperator.And, ShellOperator.Or), ops[1]);
            Assert.Equal((ShellOperator.Or, ShellOperator.Semicolon), ops[2]);
            Assert.Equal((ShellOperator.Semicolon, ShellOperator.Background), ops[3]);
            Assert.Equal((ShellOperator.Background, ShellOperator.Pipe), ops[4]);
            Assert.Equal((ShellOperator.Pipe, ShellOperator.PipeAll), ops[5]);
            Assert.Equal((ShellOperator.PipeAll, ShellOperator.Newline), ops[6]);
            Assert.Equal((ShellOperator.Newline, ShellOperator.None), ops[7]);
        }

        [Fact]
        public void Pipelines_list_piped_commands_in_order()
        {
            var script = Parse("curl -s x | tar xz -C /opt && ! grep -q y z | sort | uniq");
            var piped = script.Pipelines.Where(p => p.IsPiped).ToArray();
            Assert.Equal(2, piped.Length);
            Assert.Equal(new[] { "curl", "tar" }, piped[0].Commands.Cast<SimpleCommand>().Select(c => c.CommandName));
            Assert.Equal(new[] { "grep", "sort", "uniq" }, piped[1].Commands.Cast<SimpleCommand>().Select(c => c.CommandName));
            Assert.True(piped[1].IsNegated);
            Assert.Equal(ShellOperator.And, piped[1].PrecedingOperator);
            var sort = script.Commands.Single(c => c.CommandName == "sort");
            Assert.Same(piped[1], sort.Pipeline);
            Assert.Equal(1, sort.PipelineIndex);
        }

        [Fact]
        public void Line_breaks_are_allowed_after_and_or_and_pipe()
        {
            var script = Parse("a &&\n  b |\n  c");
            Assert.Equal(new[] { "a", "b", "c" }, script.Commands.Select(c => c.CommandName));
            Assert.Equal(ShellOperator.And, script.Commands[1].PrecedingOperator);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Backslash_newline_continues_a_line()
        {
            var script = Parse("apt-get install \\\n  -y \\\n  curl");
            Assert.Equal(new[] { "apt-get install -y curl" }, Commands(script));
        }

        [Fact]
        public void Redirections_are_separated_from_words()
        {
            var command = Parse("cmd arg > out 2>&1 >>log <in &>all 3<&0 >|clobber 2>/dev/null <<<\"here string\"").Commands.Single();
            Assert.Equal(new[] { "arg" }, command.Arguments.Select(a => a.Value));
            Assert.Equal(new[] { ">out", "2>&1", ">>log", "<in", "&>all", "3<&0", ">|clobber", "2>/dev/null", "<<<\"here string\"" }, command.Redirections.Select(r => r.ToString()));
            Assert.Equal(2, command.Redirections[1].FileDescriptor);
            Assert.Equal("1", command.Redirections[1].Target!.Value);
            Assert.All(command.Redirections, r => Assert.Same(command, r.Command));
        }

        [Fact]
        public void A_redirection_can_come_first()
        {
            var command = Parse(">/dev/null 2>&1 command -v curl").Commands.Single();
            Assert.Equal("command", command.CommandName);
            Assert.Equal(2, command.Redirections.Count);
        }

        [Fact]
        public void Heredoc_body_in_a_script_is_data_not_commands()
        {
            var script = Parse("cat <<EOF > /etc/apt/sources.list\ndeb http://x stable main\nrm -rf /\nEOF\necho done");
            Assert.Equal(new[] { "cat", "echo" }, script.Commands.Select(c => c.CommandName));
            var heredoc = script.Redirections.Single(r => r.IsHeredoc);
            Assert.Equal("EOF", heredoc.HeredocDelimiter);
            Assert.Equal("deb http://x stable main\nrm -rf /\n", heredoc.HeredocBody!.Value);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Heredoc_with_tabs_quotes_and_two_bodies_on_one_line()
        {
            var script = Parse("cat <<-'A' - <<\"B\"\n\tone\n\tA\ntwo\nB\nls");
            var heredocs = script.Redirections.Where(r => r.IsHeredoc).ToArray();
            Assert.Equal(new[] { "A", "B" }, heredocs.Select(h => h.HeredocDelimiter));
            Assert.True(heredocs[0].StripsLeadingTabs);
            Assert.True(heredocs[0].IsHeredocQuoted);
            Assert.Equal("\tone\n", heredocs[0].HeredocBody!.Value);
            Assert.Equal("two\n", heredocs[1].HeredocBody!.Value);
            Assert.Equal(new[] { "cat", "ls" }, script.Commands.Select(c => c.CommandName));
        }

        [Fact]
        public void Heredoc_on_an_instruction_line_has_no_body_there()
        {
            var script = ShellScript.Parse("bash -e <<EOF && echo after", heredocBodiesFollow: false);
            Assert.Equal(new[] { "bash", "echo" }, script.Commands.Select(c => c.CommandName));
            Assert.Null(script.Redirections.Single().HeredocBody);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Subshells_and_groups()
        {
            var script = Parse("(cd /src && make) && { echo a; echo b; } > log");
            Assert.Equal(new[] { "cd", "make", "echo", "echo" }, script.Commands.Select(c => c.CommandName));
            Assert.True(script.Commands[0].IsInSubshell);
            Assert.False(script.Commands[0].RunsInMainShell);
            Assert.Equal(CompoundKind.Subshell, script.Commands[0].Parent!.Kind);
            Assert.Equal(ShellOperator.None, script.Commands[0].PrecedingOperator);
            Assert.Equal(ShellOperator.And, script.Commands[0].Parent!.FollowingOperator);
            var group = script.Commands[2].Parent!;
            Assert.Equal(CompoundKind.BraceGroup, group.Kind);
            Assert.Equal(">log", Assert.Single(group.Redirections).ToString());
            Assert.True(script.Commands[2].RunsInMainShell);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void If_elif_else()
        {
            var script = Parse("if [ -f /a ]; then rm /a; elif test -d /b\nthen rmdir /b; else echo none; fi && echo end");
            Assert.Equal(new[] { "[ -f /a ]", "rm /a", "test -d /b", "rmdir /b", "echo none", "echo end" }, Commands(script));
            Assert.True(script.Commands[0].IsInCondition);
            Assert.False(script.Commands[1].IsInCondition);
            Assert.True(script.Commands[2].IsInCondition);
            Assert.Equal(ShellContext.Branch, script.Commands[4].Context);
            Assert.Equal(CompoundKind.If, script.Commands[1].Parent!.Kind);
            Assert.Null(script.Commands[5].Parent);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Loops()
        {
            var script = Parse("for p in curl \"$(cat list)\" git; do apt-get install -y $p; done; while read -r l; do echo $l; done < f; until false; do break; done; for ((i=0;i<3;i++)); do echo $i; done");
            Assert.Equal(new[] { "cat", "apt-get", "read", "echo", "false", "break", "echo" }, script.Commands.Select(c => c.CommandName));
            Assert.All(script.Commands, c => Assert.True((c.Context & ShellContext.Loop) != 0));
            Assert.True(script.Commands[2].IsInCondition);
            Assert.Equal(CompoundKind.While, script.Commands[2].Parent!.Kind);
            Assert.Equal("<f", Assert.Single(script.Commands[2].Parent!.Redirections).ToString());
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Case_statement()
        {
            var script = Parse("case \"$(uname -m)\" in\n  x86_64|amd64) ARCH=x64 ;;\n  (aarch64) ARCH=arm64; echo arm ;;\n  *) exit 1 ;;\nesac\necho $ARCH");
            Assert.Equal(new[] { "uname -m", "ARCH=x64", "ARCH=arm64", "echo arm", "exit 1", "echo $ARCH" }, Commands(script));
            Assert.Equal(ShellContext.Branch, script.Commands[1].Context);
            Assert.Equal(CompoundKind.Case, script.Commands[1].Parent!.Kind);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Functions()
        {
            var script = Parse("retry() { for i in 1 2 3; do \"$@\" && return 0; sleep 1; done; return 1; }\nfunction say { echo \"$1\"; }\nretry apt-get update");
            Assert.Equal(new[] { "$@", "return", "sleep", "return", "echo", "retry" }, script.Commands.Select(c => c.CommandName));
            Assert.True(script.Commands[0].IsInFunction);
            Assert.False(script.Commands[0].RunsInMainShell);
            Assert.False(script.Commands[5].IsInFunction);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Double_bracket_test_keeps_its_operators_as_words()
        {
            var script = Parse("[[ -f /a && $(id -u) -eq 0 || x < y ]] && echo ok");
            Assert.Equal(new[] { "[[", "id", "echo" }, script.Commands.Select(c => c.CommandName));
            Assert.Contains(script.Commands[0].Arguments, a => a.Value == "&&");
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Arithmetic_command_and_reserved_words_as_arguments()
        {
            var script = Parse("(( n = 1 + 2 )) && echo if then fi done { }");
            var echo = Assert.Single(script.Commands);
            Assert.Equal(new[] { "if", "then", "fi", "done", "{", "}" }, echo.Arguments.Select(a => a.Value));
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Assignments_before_the_name()
        {
            var command = Parse("DEBIAN_FRONTEND=noninteractive PATH+=:/x A[1]=v B=\"x y\" apt-get install X=1").Commands.Single();
            Assert.Equal(new[] { "DEBIAN_FRONTEND", "PATH", "A", "B" }, command.Assignments.Select(a => a.Name));
            Assert.Equal(new[] { "noninteractive", ":/x", "v", "x y" }, command.Assignments.Select(a => a.Value));
            Assert.True(command.Assignments[1].IsAppend);
            Assert.Equal("apt-get", command.Name!.Value);
            Assert.Equal(new[] { "install", "X=1" }, command.Arguments.Select(a => a.Value));
            Assert.Equal(7, command.Words.Count);
        }

        [Fact]
        public void Array_assignment_and_extglob_are_one_word()
        {
            var script = Parse("PKGS=(curl \"git lfs\") && rm -rf !(keep|me)");
            Assert.Equal("PKGS=(curl \"git lfs\")", script.Commands[0].Words[0].Raw);
            Assert.Equal("!(keep|me)", script.Commands[1].Arguments[1].Raw);
            Assert.False(script.HasErrors);
        }

        [Fact]
        public void Command_names_and_base_names()
        {
            var script = Parse("/usr/bin/apt-get update; ./configure; \"$CMD\" x");
            Assert.Equal(new[] { "apt-get", "configure", "$CMD" }, script.Commands.Select(c => c.CommandName));
        }

        [Fact]
        public void Commands_are_in_source_order()
        {
            var script = Parse("a $(b $(c)) `d` && e <(f) | g");
            Assert.Equal(new[] { "a", "b", "c", "d", "e", "f", "g" }, script.Commands.Select(c => c.CommandName));
            var starts = script.Commands.Select(c => c.Start).ToArray();
            Assert.Equal(starts.OrderBy(s => s), starts);
        }

        [Fact]
        public void Main_shell_excludes_pipelines_substitutions_and_subshells()
        {
            var script = Parse("cd /a; cd /b | cat; (cd /c); x=$(cd /d); { cd /e; } | cat; { cd /f; }");
            var mainShell = script.Commands.Where(c => c.CommandName == "cd" && c.RunsInMainShell).Select(c => c.Arguments[0].Value);
            Assert.Equal(new[] { "/a", "/f" }, mainShell);
        }

        [Theory]
        [InlineData("echo \"unterminated")]
        [InlineData("echo 'unterminated")]
        [InlineData("echo $(foo")]
        [InlineData("echo $(")]
        [InlineData("echo `foo")]
        [InlineData("(a && b")]
        [InlineData("if a; then b")]
        [InlineData("for x in a b")]
        [InlineData("case x in a) b")]
        [InlineData("while true; do")]
        [InlineData("{ a; b")]
        [InlineData("a && ")]
        [InlineData("a | ")]
        [InlineData("echo ${x")]
        [InlineData("cat <<EOF")]
        [InlineData(")))")]
        [InlineData("fi")]
        [InlineData(";; a")]
        [InlineData("a > ")]
        [InlineData("f() ")]
        [InlineData("echo $'abc")]
        [InlineData("[[ -f x")]
        public void Odd_input_is_read_as_far_as_possible_and_marked(string text)
        {
            var script = Parse(text);
            Assert.True(script.HasErrors, "expected an error for: " + text);
            Assert.All(script.Errors, e => Assert.True(e.Span.End <= text.Length));
        }

        [Fact]
        public void Odd_input_keeps_the_commands_it_can_read()
        {
            var script = Parse("apt-get update && apt-get install -y \"curl");
            Assert.Equal(new[] { "apt-get", "apt-get" }, script.Commands.Select(c => c.CommandName));
            Assert.Equal("install", script.Commands[1].Arguments[0].Value);
            Assert.True(script.HasErrors);
        }

        [Fact]
        public void Deep_nesting_does_not_exhaust_the_stack()
        {
            var deep = string.Concat(Enumerable.Repeat("$(", 20000)) + "x" + new string(')', 20000);
            var script = Parse("echo " + deep);
            Assert.True(script.HasErrors);
            var parens = new string('(', 30000);
            Assert.True(Parse(parens).HasErrors);
            var braces = string.Concat(Enumerable.Repeat("{ ", 30000));
            Assert.True(Parse(braces).HasErrors);
            var ifs = string.Concat(Enumerable.Repeat("if a; then ", 30000));
            Assert.True(Parse(ifs).HasErrors);
        }

        [Fact]
        public void Random_input_never_throws()
        {
            var random = new Random(12345);
            const string alphabet = "ab $(){}[]`'\"\\|&;<>#=\n\t-!*?@+ifthenfidoe";
            for (int n = 0; n < 3000; n++)
            {
                var chars = new char[random.Next(0, 60)];
                for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
                var text = new string(chars);
                var script = Parse(text);
                Assert.NotNull(script);
                foreach (var c in script.Commands)
                {
                    Assert.True(c.Span.End <= text.Length, text);
                    Assert.NotNull(c.Pipeline);
                    Assert.NotNull(c.EffectiveCommand);
                }
            }
        }

        [Fact]
        public void Windows_line_endings_in_a_body_are_blanks()
        {
            var script = Parse("apt-get update \\\r\n && apt-get install -y curl\r\necho ok\r\n");
            Assert.Equal(new[] { "apt-get update", "apt-get install -y curl", "echo ok" }, Commands(script));
            Assert.False(script.HasErrors);
        }
    }
}
