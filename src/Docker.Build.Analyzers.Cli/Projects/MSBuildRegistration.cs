using System;
using System.Linq;
using Microsoft.Build.Locator;

namespace Docker.Build.Analyzers.Cli.Projects
{
    /// <summary>
    /// Finds the .NET SDK the project would build with (the one its global.json selects, found from the project's
    /// folder as <c>dotnet build</c> finds it) and makes its MSBuild the one this process loads. Touches only the
    /// locator's types: it must run before any method that uses a Microsoft.Build type is compiled.
    /// </summary>
    internal static class MSBuildRegistration
    {
        /// <summary>Registers the SDK's MSBuild once; false with the reason when no usable SDK is found.</summary>
        public static bool TryRegister(string workingDirectory, out string? sdkDescription, out string? problem)
        {
            sdkDescription = null;
            problem = null;
            if (MSBuildLocator.IsRegistered) return true;
            VisualStudioInstance[] instances;
            try
            {
                // The first instance is the SDK hostfxr resolves for the folder (global.json honoured); the locator
                // leaves out SDKs newer than the runtime this tool runs on, whose MSBuild it could not load.
                instances = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = workingDirectory,
                }).ToArray();
            }
            catch (Exception ex)
            {
                problem = $"could not look for a .NET SDK ({ex.GetType().Name}: {ex.Message}).";
                return false;
            }
            if (instances.Length == 0)
            {
                problem = $"no .NET SDK usable from this tool's runtime (.NET {Environment.Version}) was found to evaluate the project. " +
                          "Install the .NET SDK the project's global.json asks for, or analyse the project's folder instead.";
                return false;
            }
            var instance = instances[0];
            MSBuildLocator.RegisterInstance(instance);
            sdkDescription = $"{instance.Name} {instance.Version} ({instance.MSBuildPath})";
            return true;
        }
    }
}
