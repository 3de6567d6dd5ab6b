using System;
using Docker.Build.Analyzers.Shell;

namespace Docker.Build.Analyzers.Rules.Dockerfile
{
    /// <summary>
    /// Recognises a <c>RUN --mount=type=cache</c> (or tmpfs) over a package manager's download cache: the NuGet global
    /// packages folder, ~/.npm, ~/.cache/pip, the Go module cache... A cache mount keeps the downloads out of the
    /// layer and keeps them between builds, so a restore that runs again barely downloads anything.
    /// </summary>
    internal static class PackageCacheMounts
    {
        /// <summary>
        /// True when a <c>type=cache</c> mount of the RUN holds the package cache of <paramref name="ecosystem"/>
        /// (the ecosystems of <see cref="DependencyRestore.Ecosystem"/>). Only cache mounts persist between builds.
        /// </summary>
        public static bool PersistsPackageCache(RunInstructionScripts run, string ecosystem, CommandInvocation? invocation = null) =>
            Find(run, ecosystem, invocation, includeTmpfs: false) != null;

        /// <summary>True when a cache or tmpfs mount of the RUN keeps the package cache of <paramref name="ecosystem"/> out of the layer.</summary>
        public static bool KeepsPackageCacheOutOfLayer(RunInstructionScripts run, string ecosystem, CommandInvocation? invocation = null) =>
            Find(run, ecosystem, invocation, includeTmpfs: true) != null;

        private static RunMount? Find(RunInstructionScripts run, string ecosystem, CommandInvocation? invocation, bool includeTmpfs)
        {
            var mounts = run.Mounts;
            if (mounts.Count == 0) return null;
            var places = PlacesOf(ecosystem);
            foreach (var m in mounts)
            {
                if (!(m.IsCache || (includeTmpfs && m.IsTmpfs)) || m.Target == null) continue;
                string target = m.Target;
                // The user's home as a whole holds every per-user cache.
                if (target == "/root" || target == "~" || target == "$HOME" || target == "${HOME}") return m;
                foreach (var suffix in places.Suffixes)
                    if (target.EndsWith(suffix, StringComparison.Ordinal)) return m;
                foreach (var variable in places.Variables)
                {
                    // target=$NUGET_PACKAGES or ${NUGET_PACKAGES}
                    if (target.StartsWith("$" + variable, StringComparison.Ordinal) || target.StartsWith("${" + variable + "}", StringComparison.Ordinal)) return m;
                    string? value = invocation?.FindEnvironment(variable)?.Value ?? run.Scope.ValueOf(variable);
                    if (!string.IsNullOrEmpty(value) && m.Covers(value!.TrimEnd('/'))) return m;
                }
                if (invocation != null && places.Options.Length > 0)
                {
                    var option = OptionValue(invocation, places.Options);
                    if (!string.IsNullOrEmpty(option) && m.Covers(option!.TrimEnd('/'))) return m;
                }
            }
            return null;
        }

        /// <summary><c>--packages /x</c> or <c>--packages=/x</c>: read from the words (the option tables do not know every tool's value options).</summary>
        private static string? OptionValue(CommandInvocation invocation, string[] names)
        {
            var args = invocation.Arguments;
            for (int i = 0; i < args.Count; i++)
            {
                string w = args[i].Value;
                foreach (var n in names)
                {
                    if (w == n && i + 1 < args.Count) return args[i + 1].Value;
                    if (w.Length > n.Length && w[n.Length] == '=' && w.StartsWith(n, StringComparison.Ordinal)) return w.Substring(n.Length + 1);
                }
            }
            return null;
        }

        private sealed class Places
        {
            public Places(string[] suffixes, string[] variables, string[] options)
            {
                Suffixes = suffixes;
                Variables = variables;
                Options = options;
            }

            /// <summary>Mount points that end this way hold the cache (<c>/root/.nuget/packages</c>, <c>/home/app/.nuget</c>).</summary>
            public string[] Suffixes { get; }

            /// <summary>Environment variables that move the cache (<c>NUGET_PACKAGES</c>).</summary>
            public string[] Variables { get; }

            /// <summary>Command options that move it (<c>dotnet restore --packages</c>).</summary>
            public string[] Options { get; }
        }

        private static readonly Places None = new Places(new string[0], new string[0], new string[0]);
        private static readonly Places DotNet = new Places(new[] { "/.nuget/packages", "/.nuget" }, new[] { "NUGET_PACKAGES" }, new[] { "--packages" });
        private static readonly Places Npm = new Places(new[] { "/.npm", "/.npm/_cacache" }, new[] { "npm_config_cache", "NPM_CONFIG_CACHE" }, new[] { "--cache" });
        private static readonly Places Yarn = new Places(new[] { "/.cache/yarn", "/.yarn/cache", "/.yarn/berry/cache", "/.cache" }, new[] { "YARN_CACHE_FOLDER" }, new[] { "--cache-folder" });
        private static readonly Places Pnpm = new Places(new[] { "/.pnpm-store", "/pnpm/store", "/.local/share/pnpm", "/.local/share/pnpm/store", "/pnpm" }, new[] { "npm_config_store_dir", "PNPM_STORE_DIR" }, new[] { "--store-dir" });
        private static readonly Places Pip = new Places(new[] { "/.cache/pip", "/.cache/uv", "/.cache" }, new[] { "PIP_CACHE_DIR", "UV_CACHE_DIR" }, new[] { "--cache-dir" });
        private static readonly Places Uv = new Places(new[] { "/.cache/uv", "/.cache" }, new[] { "UV_CACHE_DIR" }, new[] { "--cache-dir" });
        private static readonly Places Poetry = new Places(new[] { "/.cache/pypoetry", "/.cache" }, new[] { "POETRY_CACHE_DIR" }, new string[0]);
        private static readonly Places Pipenv = new Places(new[] { "/.cache/pipenv", "/.cache/pip", "/.cache" }, new[] { "PIPENV_CACHE_DIR", "PIP_CACHE_DIR" }, new string[0]);
        private static readonly Places Go = new Places(new[] { "/go/pkg/mod", "/pkg/mod" }, new[] { "GOMODCACHE" }, new string[0]);
        private static readonly Places Bundle = new Places(new[] { "/.bundle/cache", "/.gem" }, new string[0], new string[0]);
        private static readonly Places Composer = new Places(new[] { "/.composer/cache", "/.cache/composer", "/.composer" }, new[] { "COMPOSER_CACHE_DIR", "COMPOSER_HOME" }, new string[0]);
        private static readonly Places Maven = new Places(new[] { "/.m2", "/.m2/repository" }, new string[0], new string[0]);
        private static readonly Places Cargo = new Places(new[] { "/cargo/registry", "/.cargo/registry", "/.cargo" }, new[] { "CARGO_HOME" }, new string[0]);

        private static Places PlacesOf(string ecosystem)
        {
            switch (ecosystem)
            {
                case "dotnet": return DotNet;
                case "npm": return Npm;
                case "yarn": return Yarn;
                case "pnpm": return Pnpm;
                case "pip": return Pip;
                case "uv": return Uv;
                case "poetry": return Poetry;
                case "pipenv": return Pipenv;
                case "go": return Go;
                case "bundle": return Bundle;
                case "composer": return Composer;
                case "maven": return Maven;
                case "cargo": return Cargo;
                default: return None;
            }
        }
    }
}
