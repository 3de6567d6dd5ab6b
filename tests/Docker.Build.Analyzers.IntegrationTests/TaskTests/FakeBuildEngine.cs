using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace Docker.Build.Analyzers.IntegrationTests.TaskTests
{
    /// <summary>Stands in for MSBuild when a task runs in a test: records every event the task logs.</summary>
    public sealed class FakeBuildEngine : IBuildEngine
    {
        public List<BuildWarningEventArgs> Warnings { get; } = new List<BuildWarningEventArgs>();
        public List<BuildErrorEventArgs> Errors { get; } = new List<BuildErrorEventArgs>();
        public List<BuildMessageEventArgs> Messages { get; } = new List<BuildMessageEventArgs>();

        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "/fake/Docker.Build.Analyzers.targets";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    }
}
