using System;
using System.Collections.Generic;
using Docker.Build.Analyzers.Diagnostics;
using Docker.Build.Analyzers.Dockerfile;
using Docker.Build.Analyzers.Shell;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// DKR210: TLS certificate or package signature checks turned off: <c>curl -k</c>, <c>wget --no-check-certificate</c>,
    /// <c>pip --trusted-host</c>, <c>git -c http.sslVerify=false</c>, <c>npm config set strict-ssl false</c>,
    /// <c>apk --allow-untrusted</c>, <c>apt-get --allow-unauthenticated</c>, <c>--nogpgcheck</c>,
    /// <c>dotnet nuget add source --allow-insecure-connections</c>, and variables such as
    /// <c>NODE_TLS_REJECT_UNAUTHORIZED=0</c> in RUN or ENV/ARG.
    /// </summary>
    public sealed class TlsVerificationDisabled : DockerfileRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR210", "TLS or signature verification disabled", RuleCategory.Security, DiagnosticSeverity.Warning,
            "'{0}' {1}: anyone on the network path can hand the build tampered packages or scripts. {2}",
            "Certificate and signature checks are what make a download trustworthy. Turning them off to get past a proxy or a self-signed certificate lets a man in the middle change what the image contains.");

        public override RuleDescriptor Descriptor => Rule;

        private const string TlsOff = "turns off TLS certificate verification";
        private const string SignaturesOff = "turns off package signature checks";
        private const string TrustCa = "Keep verification on and trust the right certificate instead: copy the CA into /usr/local/share/ca-certificates and run 'update-ca-certificates' (or point the tool at the CA file)";
        private const string TrustKey = "Keep signature checks on and import the repository's signing key";

        /// <summary>Environment variables that turn checks off, with a test of the value.</summary>
        private static readonly Dictionary<string, Func<string, bool>> Variables = new Dictionary<string, Func<string, bool>>(StringComparer.Ordinal)
        {
            ["NODE_TLS_REJECT_UNAUTHORIZED"] = v => v.Trim() == "0",
            ["GIT_SSL_NO_VERIFY"] = v => v.Trim().Length > 0,
            ["PYTHONHTTPSVERIFY"] = v => v.Trim() == "0",
            ["PIP_TRUSTED_HOST"] = v => v.Trim().Length > 0,
            ["NPM_CONFIG_STRICT_SSL"] = RunCommandFacts.IsFalse,
            ["npm_config_strict_ssl"] = RunCommandFacts.IsFalse,
            ["YARN_ENABLE_STRICT_SSL"] = RunCommandFacts.IsFalse,
        };

        // Option and key lists, made once: most commands are checked against them and few match.
        private static readonly string[] CurlInsecure = { "-k", "--insecure", "--proxy-insecure" };
        private static readonly string[] AptInsecure = { "--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes" };
        private static readonly string[] AptOption = { "-o", "--option" };
        private static readonly string[] YumNoGpgCheck = { "--nogpgcheck", "--no-gpgchecks" };
        private static readonly string[] YumSetopt = { "--setopt" };
        private static readonly string[] DotnetInsecure = { "--allow-insecure-connections", "-AllowInsecureConnections" };
        private static readonly string[] NpmStrictSslKeys = { "strict-ssl", "enableStrictSsl" };
        private static readonly string[] CondaSslKeys = { "ssl_verify" };
        private static readonly string[] PipTrustedHostKeys = { "global.trusted-host", "install.trusted-host" };
        private static readonly string[] SettingPrefixes = { "--option=", "--setopt=", "-o" };

        public override void Analyze(DockerfileContext context)
        {
            foreach (var stage in context.Model.Stages)
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (!(instruction is KeyValueInstruction kv) || (kv.Kind != InstructionKind.Env && kv.Kind != InstructionKind.Arg)) continue;
                    var pairs = kv.Pairs;
                    for (int i = 0; i < pairs.Count; i++)
                    {
                        var pair = pairs[i];
                        if (pair.ValueWord != null && Variables.TryGetValue(pair.Name, out var disables) && disables(pair.ValueWord.Value))
                            context.Report(pair.Span, pair.Key.Raw + "=" + pair.ValueWord.Raw,
                                kv.Kind == InstructionKind.Env ? "in ENV " + DescribeVariable(pair.Name) + " for every later RUN and for the running container" : "in ARG " + DescribeVariable(pair.Name) + " for every later RUN",
                                TrustCa);
                    }
                }
            }

            foreach (var run in context.Document.RunScripts.All)
            {
                foreach (var command in run.Commands)
                {
                    CheckAssignments(context, command);
                    CheckCommand(context, command.EffectiveCommand);
                }
            }
        }

        private static string DescribeVariable(string name) =>
            name == "PIP_TRUSTED_HOST" ? "makes pip accept any certificate from those hosts" : TlsOff;

        private static void CheckAssignments(DockerfileContext context, SimpleCommand command)
        {
            var environment = command.EffectiveCommand.Environment;
            for (int i = 0; i < environment.Count; i++) Check(environment[i].Name, environment[i].Value, environment[i].Span);
            if (command.CommandName == "export" || command.CommandName == "declare")
            {
                foreach (var w in command.Arguments)
                {
                    int eq = w.Value.IndexOf('=');
                    if (eq > 0) Check(w.Value.Substring(0, eq), w.Value.Substring(eq + 1), w.Span);
                }
            }

            void Check(string name, string value, TextSpan span)
            {
                if (Variables.TryGetValue(name, out var disables) && disables(value))
                    context.Report(span, name + "=" + value, DescribeVariable(name), TrustCa);
            }
        }

        private static void CheckCommand(DockerfileContext context, CommandInvocation e)
        {
            string name = e.CommandName;
            switch (name)
            {
                case "curl":
                    Flag(e.FindOption(CurlInsecure), TlsOff, TrustCa);
                    return;
                case "wget":
                    Flag(e.FindOption("--no-check-certificate"), TlsOff, TrustCa);
                    return;
                case "apk":
                    Flag(e.FindOption("--allow-untrusted"), SignaturesOff, TrustKey);
                    return;
                case "apt-get":
                case "apt":
                    Flag(e.FindOption(AptInsecure), SignaturesOff, TrustKey);
                    var aptOptions = OptionWords(e, AptOption);
                    for (int i = 0; i < aptOptions.Count; i++)
                    {
                        var w = aptOptions[i];
                        var (key, value) = SplitSetting(w.Value);
                        if ((key.Equals("Acquire::https::Verify-Peer", StringComparison.OrdinalIgnoreCase) || key.Equals("Acquire::https::Verify-Host", StringComparison.OrdinalIgnoreCase)) && RunCommandFacts.IsFalse(value))
                            context.Report(w.Span, w.Value, TlsOff, TrustCa);
                        else if ((key.Equals("APT::Get::AllowUnauthenticated", StringComparison.OrdinalIgnoreCase) || key.Equals("Acquire::AllowInsecureRepositories", StringComparison.OrdinalIgnoreCase)) && RunCommandFacts.IsTrue(value))
                            context.Report(w.Span, w.Value, SignaturesOff, TrustKey);
                    }
                    return;
                case "yum":
                case "dnf":
                case "microdnf":
                case "tdnf":
                    Flag(e.FindOption(YumNoGpgCheck), SignaturesOff, TrustKey);
                    var setopts = OptionWords(e, YumSetopt);
                    for (int i = 0; i < setopts.Count; i++)
                    {
                        var w = setopts[i];
                        var (key, value) = SplitSetting(w.Value);
                        if ((key.Equals("sslverify", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".sslverify", StringComparison.OrdinalIgnoreCase)) && RunCommandFacts.IsFalse(value))
                            context.Report(w.Span, w.Value, TlsOff, TrustCa);
                        else if ((key.Equals("gpgcheck", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".gpgcheck", StringComparison.OrdinalIgnoreCase)) && RunCommandFacts.IsFalse(value))
                            context.Report(w.Span, w.Value, SignaturesOff, TrustKey);
                    }
                    return;
                case "rpm":
                    Flag(e.FindOption("--nosignature"), SignaturesOff, TrustKey);
                    return;
                case "git":
                    CheckGit(context, e);
                    return;
                case "npm":
                case "pnpm":
                case "yarn":
                    Flag(e.FindOption("--no-strict-ssl"), TlsOff, TrustCa);
                    var strict = e.OptionValue("--strict-ssl");
                    if (strict != null && RunCommandFacts.IsFalse(strict.Value)) context.Report(strict.Span, "--strict-ssl=" + strict.Value, TlsOff, TrustCa);
                    CheckConfigSet(context, e, NpmStrictSslKeys);
                    return;
                case "conda":
                    CheckConfigSet(context, e, CondaSslKeys);
                    return;
                case "dotnet":
                case "nuget":
                    Flag(e.FindOption(DotnetInsecure), "lets NuGet use plain HTTP for this source", "Use the feed's https:// address");
                    return;
            }
            var pip = PipOf(e);
            if (pip != null)
            {
                Flag(pip.FindOption("--trusted-host"), "makes pip accept any certificate (and plain HTTP) from that host", TrustCa);
                CheckConfigSet(context, pip, PipTrustedHostKeys, anyValue: true);
            }

            void Flag(ShellWord? word, string what, string fix)
            {
                if (word != null) context.Report(word.Span, word.Value, what, fix);
            }
        }

        private static CommandInvocation? PipOf(CommandInvocation e)
        {
            if (RunCommandFacts.IsVersioned(e.CommandName, "pip")) return e;
            if (!RunCommandFacts.IsVersioned(e.CommandName, "python")) return null;
            for (int i = 0; i + 1 < e.Arguments.Count; i++)
                if (e.Arguments[i].Value == "-m" && RunCommandFacts.IsVersioned(e.Arguments[i + 1].Value, "pip")) return e.StartingAt(i + 1);
            return null;
        }

        /// <summary><c>git -c http.sslVerify=false ...</c> and <c>git config [--global] http.sslVerify false</c>.</summary>
        private static void CheckGit(DockerfileContext context, CommandInvocation git)
        {
            var args = git.Arguments;
            for (int i = 0; i < args.Count; i++)
            {
                string v = args[i].Value;
                if (v == "-c" && i + 1 < args.Count)
                {
                    var (key, value) = SplitSetting(args[i + 1].Value);
                    if (IsSslVerifyKey(key) && RunCommandFacts.IsFalse(value)) context.Report(args[i + 1].Span, args[i + 1].Value, TlsOff, TrustCa);
                    i++;
                    continue;
                }
                if (v == "config")
                {
                    for (int k = i + 1; k + 1 < args.Count; k++)
                        if (IsSslVerifyKey(args[k].Value) && RunCommandFacts.IsFalse(args[k + 1].Value))
                            context.Report(TextSpan.FromBounds(args[k].Span.Start, args[k + 1].Span.End), args[k].Value + " " + args[k + 1].Value, TlsOff, TrustCa);
                    return;
                }
                if (!v.StartsWith("-", StringComparison.Ordinal)) return;
            }
        }

        private static bool IsSslVerifyKey(string key)
        {
            string k = key.ToLowerInvariant();
            return k.StartsWith("http.", StringComparison.Ordinal) && k.EndsWith(".sslverify", StringComparison.Ordinal);
        }

        /// <summary><c>tool config set key false</c> (npm, pnpm, yarn, conda <c>--set</c>, pip).</summary>
        private static void CheckConfigSet(DockerfileContext context, CommandInvocation e, string[] keys, bool anyValue = false)
        {
            var args = e.Arguments;
            for (int k = 0; k + 1 < args.Count; k++)
            {
                string key = args[k].Value;
                string value = args[k + 1].Value;
                int eq = key.IndexOf('=');
                if (eq > 0)
                {
                    value = key.Substring(eq + 1);
                    key = key.Substring(0, eq);
                }
                if (Array.IndexOf(keys, key) < 0) continue;
                if (!InConfigSet(args, k)) continue;
                if (anyValue ? value.Length > 0 : RunCommandFacts.IsFalse(value))
                {
                    var span = eq > 0 ? args[k].Span : TextSpan.FromBounds(args[k].Span.Start, args[k + 1].Span.End);
                    context.Report(span, eq > 0 ? args[k].Value : key + " " + value,
                        anyValue ? "makes the tool accept any certificate from that host" : TlsOff, TrustCa);
                    return;
                }
            }
        }

        private static bool InConfigSet(IReadOnlyList<ShellWord> args, int index)
        {
            for (int i = 0; i < index; i++)
            {
                string v = args[i].Value;
                if (v == "set" || v == "--set") return true;
            }
            return false;
        }

        /// <summary>
        /// The words that carry a value of one of the options (<c>-o X</c>, <c>--option=X</c>, <c>-oX::Y</c>), in order.
        /// Empty (and nothing allocated) for the usual command that has none.
        /// </summary>
        private static IReadOnlyList<ShellWord> OptionWords(CommandInvocation e, string[] names)
        {
            List<ShellWord>? words = null;
            var args = e.Arguments;
            for (int i = 0; i < args.Count; i++)
            {
                string v = args[i].Value;
                foreach (var n in names)
                {
                    if (v == n && i + 1 < args.Count) (words ??= new List<ShellWord>()).Add(args[i + 1]);
                    else if (v.Length > n.Length && v[n.Length] == '=' && v.StartsWith(n, StringComparison.Ordinal)) (words ??= new List<ShellWord>()).Add(args[i]);
                    else if (n.Length == 2 && v.StartsWith(n, StringComparison.Ordinal) && v.Length > 2 && v.IndexOf("::", StringComparison.Ordinal) > 0) (words ??= new List<ShellWord>()).Add(args[i]);
                }
            }
            return words ?? (IReadOnlyList<ShellWord>)Array.Empty<ShellWord>();
        }

        /// <summary>Splits <c>Key=Value</c> (a leading <c>-o</c>, <c>--option=</c> or <c>--setopt=</c> removed).</summary>
        private static (string Key, string Value) SplitSetting(string text)
        {
            foreach (var prefix in SettingPrefixes)
                if (text.StartsWith(prefix, StringComparison.Ordinal)) { text = text.Substring(prefix.Length); break; }
            int eq = text.IndexOf('=');
            return eq < 0 ? (text.Trim(), "") : (text.Substring(0, eq).Trim(), text.Substring(eq + 1).Trim());
        }
    }
}
