using System;
using System.Collections.Generic;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>
    /// What the app's own code says about how it serves traffic, read from its C# syntax trees by a host that has them
    /// (the Roslyn analyzer inside the compiler; the command-line tool for a project). <see cref="Unknown"/> means the
    /// code was not read: rules whose answer depends on it (ports, health paths) must stay silent then.
    /// </summary>
    public sealed class AppCodeFacts
    {
        /// <summary>The code was not read (the host has no syntax trees).</summary>
        public static readonly AppCodeFacts Unknown = new AppCodeFacts(isKnown: false);

        public AppCodeFacts(
            bool isKnown = true,
            IReadOnlyList<string>? healthCheckPaths = null,
            IReadOnlyList<int>? listenPorts = null,
            bool setsListenAddressesDynamically = false,
            bool healthCheckPathsIncomplete = false)
        {
            HealthCheckPathsIncomplete = healthCheckPathsIncomplete;
            IsKnown = isKnown;
            HealthCheckPaths = healthCheckPaths == null ? Array.Empty<string>() : AsRequestPaths(healthCheckPaths);
            ListenPorts = listenPorts ?? Array.Empty<int>();
            SetsListenAddressesDynamically = setsListenAddressesDynamically;
        }

        /// <summary>The code was read; false means nothing below can be trusted.</summary>
        public bool IsKnown { get; }

        /// <summary>Paths mapped with <c>MapHealthChecks("/healthz")</c> and similar calls, as written.</summary>
        public IReadOnlyList<string> HealthCheckPaths { get; }

        /// <summary>
        /// Route patterns as the paths a probe requests: ASP.NET Core reads <c>MapHealthChecks("healthz")</c> and
        /// <c>"~/healthz"</c> as <c>/healthz</c>, which is what a HEALTHCHECK must ask for (and what findings show).
        /// Duplicates after that are dropped; the order is kept.
        /// </summary>
        private static IReadOnlyList<string> AsRequestPaths(IReadOnlyList<string> routes)
        {
            var paths = new List<string>(routes.Count);
            foreach (var route in routes)
            {
                if (route == null) continue;
                string path = route.Trim();
                if (path.StartsWith("~/", StringComparison.Ordinal)) path = path.Substring(1);
                if (!path.StartsWith("/", StringComparison.Ordinal)) path = "/" + path;
                if (!paths.Exists(p => string.Equals(p, path, StringComparison.OrdinalIgnoreCase))) paths.Add(path);
            }
            return paths;
        }

        /// <summary>Ports the code makes Kestrel listen on (<c>UseUrls</c>, <c>Listen*</c>) when they are literals.</summary>
        public IReadOnlyList<int> ListenPorts { get; }

        /// <summary>The code sets listen addresses from values it computes (not literals): ports cannot be judged.</summary>
        public bool SetsListenAddressesDynamically { get; }

        /// <summary>
        /// Some health endpoint's path is not known: a <c>MapHealthChecks</c> call with a computed path, or one under a
        /// route group (<c>MapGroup("/api")</c>) that prefixes it. Probed paths cannot be judged then.
        /// </summary>
        public bool HealthCheckPathsIncomplete { get; }

        /// <summary>The app maps health endpoints and every one of their paths is known.</summary>
        public bool HasKnownHealthCheckPaths => IsKnown && HealthCheckPaths.Count > 0 && !HealthCheckPathsIncomplete;
    }
}
