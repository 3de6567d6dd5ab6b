using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Docker.Build.Analyzers.TaskHarness
{
    /// <summary>
    /// <c>TaskHarness &lt;task assembly&gt; &lt;project file&gt; [asset ...]</c>: runs AnalyzeDockerAssets from the given
    /// assembly over the project's folder and prints one tab-separated line per logged event
    /// (<c>kind code file line column endLine endColumn message</c>), sorted, after a <c># runtime</c> header line.
    /// Exit code 0 when the task ran (whatever it found), 2 on bad arguments, 3 when the task could not be loaded or run.
    /// </summary>
    public static class Program
    {
        private const string TaskTypeName = "Docker.Build.Analyzers.Tasks.AnalyzeDockerAssets";

        public static int Main(string[] args)
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: TaskHarness <task assembly> <project file> [asset ...]");
                return 2;
            }
            string taskAssemblyPath = Path.GetFullPath(args[0]);
            string projectPath = Path.GetFullPath(args[1]);
            string projectDirectory = Path.GetDirectoryName(projectPath)!;

            try
            {
                // LoadFrom: the task's private dependencies (Core, YamlDotNet) resolve from its own folder, as in MSBuild.
                var assembly = Assembly.LoadFrom(taskAssemblyPath);
                var taskType = assembly.GetType(TaskTypeName, throwOnError: true)!;
                var task = (ITask)Activator.CreateInstance(taskType)!;
                var engine = new RecordingBuildEngine(projectPath);
                task.BuildEngine = engine;

                Set(task, "ProjectDirectory", projectDirectory);
                Set(task, "ProjectPath", projectPath);
                Set(task, "AssemblyName", Path.GetFileNameWithoutExtension(projectPath));
                Set(task, "TargetFramework", "net8.0");
                Set(task, "Assets", args.Skip(2).Select(a => (ITaskItem)new TaskItem(Path.GetFullPath(a))).ToArray());

                bool succeeded = task.Execute();

                Console.WriteLine("# runtime: " + RuntimeDescription() + "; task: " + assembly.Location
                    + "; Microsoft.Build.Utilities: " + typeof(Task).Assembly.Location);
                foreach (string line in engine.Events.OrderBy(e => e, StringComparer.Ordinal)) Console.WriteLine(line);
                Console.WriteLine("# succeeded: " + succeeded.ToString().ToLowerInvariant());
                return 0;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("The task could not be loaded or run: " + ex);
                return 3;
            }
        }

        private static void Set(object task, string name, object value)
        {
            var property = task.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new MissingMemberException(task.GetType().FullName, name);
            property.SetValue(task, value);
        }

        private static string RuntimeDescription()
        {
            var mono = Type.GetType("Mono.Runtime");
            if (mono != null)
            {
                var displayName = mono.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static);
                return "Mono " + displayName?.Invoke(null, null);
            }
            return System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
        }
    }

    /// <summary>The least an MSBuild host offers a task: it records what the task logs.</summary>
    internal sealed class RecordingBuildEngine : IBuildEngine
    {
        public RecordingBuildEngine(string projectFile)
        {
            ProjectFileOfTaskNode = projectFile;
        }

        public List<string> Events { get; } = new List<string>();

        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode { get; }

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogErrorEvent(BuildErrorEventArgs e) =>
            Events.Add(Line("error", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, e.Message));

        public void LogWarningEvent(BuildWarningEventArgs e) =>
            Events.Add(Line("warning", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, e.Message));

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
            // Only coded messages are findings (suggestions); other messages are the task's chatter.
            if (!string.IsNullOrEmpty(e.Code))
                Events.Add(Line("message", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, e.Message));
        }

        public void LogCustomEvent(CustomBuildEventArgs e) { }

        private static string Line(string kind, string? code, string? file, int line, int column, int endLine, int endColumn, string? message) =>
            string.Join("\t", kind, code ?? "", file ?? "", line, column, endLine, endColumn, (message ?? "").Replace('\t', ' ').Replace('\n', ' '));
    }
}
