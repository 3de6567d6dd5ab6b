using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Docker.Build.Analyzers.Roslyn.Tests
{
    /// <summary>
    /// A project folder on disk (the engine walks build contexts there) and the compilation an IDE would build for
    /// it: one C# file, the package's additional files with their metadata, and the global options of the generated
    /// editorconfig plus, in IDE mode, the design-time switch.
    /// </summary>
    internal sealed class LiveCompilation : IDisposable
    {
        private readonly List<(AdditionalText Text, Dictionary<string, string> Metadata)> _files = new List<(AdditionalText, Dictionary<string, string>)>();
        private readonly Dictionary<string, string> _global = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public LiveCompilation(bool live = true)
        {
            Root = Path.Combine(Path.GetTempPath(), "dba-roslyn-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(Root, ".git"));
            ProjectDirectory = Path.Combine(Root, "src", "App");
            Directory.CreateDirectory(ProjectDirectory);
            ProjectPath = Path.Combine(ProjectDirectory, "App.csproj");
            File.WriteAllText(ProjectPath, "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
            _global["build_property.MSBuildProjectDirectory"] = ProjectDirectory;
            _global["build_property.MSBuildProjectFullPath"] = ProjectPath;
            _global["build_property.AssemblyName"] = "App";
            _global["build_property.TargetFramework"] = "net8.0";
            _global["build_property._DockerAnalyzersLiveIsWebProject"] = "true";
            if (live) _global["docker_analyzers.live_diagnostics"] = "true";
        }

        public string Root { get; }
        public string ProjectDirectory { get; }
        public string ProjectPath { get; }

        public void SetGlobal(string key, string value) => _global[key] = value;

        /// <summary>The compilation's one C# file (Program.cs in the project folder).</summary>
        public string ProgramText { get; set; } = "public static class Program { public static void Main() { } }";

        /// <summary>Writes a file to disk (what the build task would read).</summary>
        public string WriteFile(string relativePath, string text)
        {
            string path = Path.Combine(ProjectDirectory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>An additional file with the package's metadata; <paramref name="text"/> is what the editor holds (maybe unsaved).</summary>
        public AdditionalText AddAdditionalFile(string path, string? text, string input = "Asset", string? kind = null, string? context = null, string? purpose = null)
        {
            var additional = new EditorText(Path.IsPathRooted(path) ? path : Path.Combine(ProjectDirectory, path), text);
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["build_metadata.AdditionalFiles.DockerAnalyzersInput"] = input,
                ["build_metadata.AdditionalFiles.DockerAnalyzersKind"] = kind ?? "",
                ["build_metadata.AdditionalFiles.DockerAnalyzersContext"] = context ?? "",
                ["build_metadata.AdditionalFiles.DockerAnalyzersPurpose"] = purpose ?? "",
            };
            _files.Add((additional, metadata));
            return additional;
        }

        /// <summary>An additional file some other package added (no metadata of ours).</summary>
        public void AddForeignAdditionalFile(AdditionalText text) =>
            _files.Add((text, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)));

        /// <summary>The analyzer's diagnostics, and every analyzer exception Roslyn saw (AD0001 material).</summary>
        public async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(DiagnosticAnalyzer? analyzer = null)
        {
            var tree = CSharpSyntaxTree.ParseText(ProgramText, path: Path.Combine(ProjectDirectory, "Program.cs"));
            var compilation = CSharpCompilation.Create("App", new[] { tree },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            var provider = new OptionsProvider(_global, _files.ToDictionary(f => f.Text, f => f.Metadata));
            var options = new AnalyzerOptions(_files.Select(f => f.Text).ToImmutableArray(), provider);
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer ?? new DockerAssetsAnalyzer()),
                new CompilationWithAnalyzersOptions(options, (ex, _, _) => { lock (exceptions) exceptions.Add(ex); }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var all = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(all, d => d.Id == "AD0001");
            var ours = all.Where(d => d.Id.StartsWith("DKR", StringComparison.Ordinal)).ToImmutableArray();
            return (ours, exceptions);
        }

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        /// <summary>An editor buffer: the text Roslyn hands the analyzer, which need not match the disk.</summary>
        internal sealed class EditorText : AdditionalText
        {
            private readonly SourceText? _text;

            public EditorText(string path, string? text)
            {
                Path = path;
                _text = text == null ? null : SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly DictionaryOptions _global;
            private readonly Dictionary<AdditionalText, Dictionary<string, string>> _files;

            public OptionsProvider(Dictionary<string, string> global, Dictionary<AdditionalText, Dictionary<string, string>> files)
            {
                _global = new DictionaryOptions(global);
                _files = files;
            }

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

            // As Roslyn does: a file's options include the global ones.
            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                _files.TryGetValue(textFile, out var metadata)
                    ? new DictionaryOptions(metadata.Concat(_global.Values).GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase))
                    : _global;
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            public static readonly DictionaryOptions Empty = new DictionaryOptions(new Dictionary<string, string>());

            public DictionaryOptions(Dictionary<string, string> values)
            {
                Values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
            }

            public Dictionary<string, string> Values { get; }

            public override bool TryGetValue(string key, out string value)
            {
                if (Values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }
                value = null!;
                return false;
            }
        }
    }
}
