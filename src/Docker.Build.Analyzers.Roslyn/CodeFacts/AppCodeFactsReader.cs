using System;
using System.Collections.Generic;
using System.Threading;
using Docker.Build.Analyzers.Analysis;
using Docker.Build.Analyzers.DotNetPlatform;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Docker.Build.Analyzers.CodeFacts
{
    /// <summary>
    /// Reads <see cref="AppCodeFacts"/> from C# syntax trees: the paths of <c>MapHealthChecks</c>/<c>UseHealthChecks</c>
    /// and the ports of <c>UseUrls</c>, <c>Urls.Add</c>, <c>Run("http://...")</c> and Kestrel's <c>Listen*</c> calls
    /// when their arguments are literals. Anything computed (a variable, configuration, a route group around a health
    /// endpoint) is recorded as "not known", so the rules stay silent rather than guess.
    /// Only trees whose text passes a cheap pre-filter (<see cref="MayMatter"/>) are parsed further, so a large project
    /// costs one substring search per file. Syntax only: no semantic model, no binding.
    /// This file has no dependency on the analyzer host: the command-line tool can compile it too (it needs
    /// Microsoft.CodeAnalysis.CSharp and the engine).
    /// </summary>
    public static class AppCodeFactsReader
    {
        /// <summary>Words without which a file cannot change where the app listens or which health paths it maps.</summary>
        private static readonly string[] Markers =
        {
            "HealthChecks", "Urls", "Listen", "ASPNETCORE_", "HTTP_PORTS", "HTTPS_PORTS", "urls", "http_ports", "https_ports", "Kestrel:", "Run(\"http", "RunAsync(\"http",
        };

        /// <summary>Setting keys that move the listen addresses when code sets them (configuration, environment, host settings).</summary>
        private static readonly string[] AddressKeys =
        {
            "urls", "http_ports", "https_ports", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS",
        };

        /// <summary>The pre-filter: the text mentions one of the calls or settings this reader looks for.</summary>
        public static bool MayMatter(string text)
        {
            foreach (var marker in Markers)
                if (text.IndexOf(marker, StringComparison.Ordinal) >= 0) return true;
            return false;
        }

        /// <summary>The facts of a set of trees (a compilation's, or the files of a project). Never throws but for cancellation.</summary>
        public static AppCodeFacts Read(IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
        {
            var collector = new Collector();
            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!(tree is CSharpSyntaxTree)) continue;
                string text = tree.GetText(cancellationToken).ToString();
                if (!MayMatter(text)) continue;
                collector.Visit(tree.GetRoot(cancellationToken), text);
            }
            return collector.ToFacts();
        }

        /// <summary>Parses and reads texts (for hosts that hold files, not a compilation).</summary>
        public static AppCodeFacts ReadTexts(IEnumerable<KeyValuePair<string, string>> pathsAndTexts, CSharpParseOptions? options, CancellationToken cancellationToken)
        {
            var collector = new Collector();
            foreach (var pair in pathsAndTexts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!MayMatter(pair.Value)) continue;
                var tree = CSharpSyntaxTree.ParseText(pair.Value, options, pair.Key, cancellationToken: cancellationToken);
                collector.Visit(tree.GetRoot(cancellationToken), pair.Value);
            }
            return collector.ToFacts();
        }

        private sealed class Collector
        {
            private readonly List<string> _healthPaths = new List<string>();
            private readonly List<int> _ports = new List<int>();
            private bool _dynamicAddresses;
            private bool _healthIncomplete;

            public AppCodeFacts ToFacts() => new AppCodeFacts(
                isKnown: true,
                healthCheckPaths: _healthPaths,
                listenPorts: _ports,
                setsListenAddressesDynamically: _dynamicAddresses,
                healthCheckPathsIncomplete: _healthIncomplete);

            public void Visit(SyntaxNode root, string text)
            {
                // A route group prefixes what is mapped on it; which calls sit under one takes data flow to tell.
                bool hasRouteGroups = text.IndexOf("MapGroup", StringComparison.Ordinal) >= 0;
                foreach (var node in root.DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation:
                            Invocation(invocation, hasRouteGroups);
                            break;
                        case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                            // A setting key written in code: configuration["urls"] = ..., UseSetting("http_ports", ...),
                            // Environment.SetEnvironmentVariable("ASPNETCORE_URLS", ...): the code moves the addresses.
                            if (IsAddressKey(literal.Token.ValueText)) _dynamicAddresses = true;
                            break;
                    }
                }
            }

            private void Invocation(InvocationExpressionSyntax invocation, bool hasRouteGroups)
            {
                string? name = MethodName(invocation.Expression);
                if (name == null) return;
                var args = invocation.ArgumentList.Arguments;
                switch (name)
                {
                    case "MapHealthChecks":
                    case "UseHealthChecks":
                    {
                        string? path = args.Count > 0 ? StringLiteral(Argument(args, "pattern", "path", 0)) : null;
                        if (path == null || hasRouteGroups || !IsPlainReceiver(invocation)) _healthIncomplete = true;
                        else _healthPaths.Add(path);
                        break;
                    }
                    case "UseUrls":
                    {
                        if (args.Count == 0) { _dynamicAddresses = true; break; }
                        foreach (var arg in args)
                        {
                            var urls = StringLiteral(arg.Expression);
                            var ports = urls == null ? null : ListenAddresses.PortsOfUrls(urls);
                            if (ports == null) { _dynamicAddresses = true; continue; }
                            _ports.AddRange(ports);
                        }
                        break;
                    }
                    case "Add" when IsMemberOf(invocation.Expression, "Urls"):
                    {
                        var url = args.Count == 1 ? StringLiteral(args[0].Expression) : null;
                        var port = url == null ? null : ListenAddresses.PortOfUrl(url);
                        if (port == null) _dynamicAddresses = true;
                        else _ports.Add(port.Value);
                        break;
                    }
                    case "Run":
                    case "RunAsync":
                    {
                        // WebApplication.Run("http://localhost:5000"); other Run calls (middleware, tasks) take no URL.
                        if (args.Count != 1) break;
                        var url = StringLiteral(args[0].Expression);
                        if (url == null || !url.StartsWith("http", StringComparison.OrdinalIgnoreCase)) break;
                        var port = ListenAddresses.PortOfUrl(url);
                        if (port == null) _dynamicAddresses = true;
                        else _ports.Add(port.Value);
                        break;
                    }
                    case "ListenAnyIP":
                    case "ListenLocalhost":
                        AddPort(args.Count > 0 ? Argument(args, "port", null, 0) : null);
                        break;
                    case "Listen":
                        // Listen(IPAddress.Any, 5000) / Listen(address, port, ...); Listen(endPoint) gives no literal port.
                        AddPort(args.Count > 1 ? Argument(args, "port", null, 1) : null);
                        break;
                    case "ListenUnixSocket":
                    case "ListenNamedPipe":
                    case "ListenHandle":
                        // Not a TCP port: Kestrel's explicit endpoints replace the configured ones, so no port can be judged.
                        _dynamicAddresses = true;
                        break;
                }
            }

            private void AddPort(ExpressionSyntax? expression)
            {
                if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && literal.Token.Value is int port && port > 0 && port <= 65535)
                    _ports.Add(port);
                else
                    _dynamicAddresses = true;
            }

            private static bool IsAddressKey(string value)
            {
                foreach (var key in AddressKeys)
                    if (string.Equals(value, key, StringComparison.OrdinalIgnoreCase)) return true;
                return value.StartsWith("Kestrel:Endpoints", StringComparison.OrdinalIgnoreCase);
            }

            /// <summary>The argument by name, else by position; null when there is none.</summary>
            private static ExpressionSyntax? Argument(SeparatedSyntaxList<ArgumentSyntax> args, string name, string? otherName, int position)
            {
                foreach (var arg in args)
                {
                    string? argName = arg.NameColon?.Name.Identifier.ValueText;
                    if (argName != null && (argName == name || argName == otherName)) return arg.Expression;
                }
                if (position < args.Count && args[position].NameColon == null) return args[position].Expression;
                return null;
            }

            private static string? StringLiteral(ExpressionSyntax? expression) =>
                expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

            private static string? MethodName(ExpressionSyntax expression)
            {
                switch (expression)
                {
                    case MemberAccessExpressionSyntax member: return member.Name.Identifier.ValueText;
                    case IdentifierNameSyntax identifier: return identifier.Identifier.ValueText;
                    case GenericNameSyntax generic: return generic.Identifier.ValueText;
                    case MemberBindingExpressionSyntax binding: return binding.Name.Identifier.ValueText;
                    default: return null;
                }
            }

            private static bool IsMemberOf(ExpressionSyntax expression, string owner) =>
                expression is MemberAccessExpressionSyntax member && member.Expression is MemberAccessExpressionSyntax inner && inner.Name.Identifier.ValueText == owner;

            /// <summary>
            /// The health endpoint is mapped on the app or the endpoint builder itself (<c>app.MapHealthChecks</c>,
            /// <c>endpoints.MapHealthChecks</c>, a chained call's result such as <c>RequireHost</c> is fine): not on a
            /// computed receiver that might carry a prefix.
            /// </summary>
            private static bool IsPlainReceiver(InvocationExpressionSyntax invocation) =>
                invocation.Expression is IdentifierNameSyntax
                || invocation.Expression is MemberAccessExpressionSyntax member && (member.Expression is IdentifierNameSyntax || member.Expression is ThisExpressionSyntax);
        }
    }
}
