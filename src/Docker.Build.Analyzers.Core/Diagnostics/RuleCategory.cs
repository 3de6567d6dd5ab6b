namespace Docker.Build.Analyzers.Diagnostics
{
    /// <summary>The categories of rules; they follow the id ranges.</summary>
    public static class RuleCategory
    {
        /// <summary>DKR1xx: Dockerfile image and build.</summary>
        public const string ImageAndBuild = "Docker.ImageAndBuild";

        /// <summary>DKR2xx: Dockerfile security.</summary>
        public const string Security = "Docker.Security";

        /// <summary>DKR3xx: Dockerfile runtime and operations.</summary>
        public const string Runtime = "Docker.Runtime";

        /// <summary>DKR4xx: .dockerignore.</summary>
        public const string DockerIgnore = "Docker.DockerIgnore";

        /// <summary>DKR5xx: compose files.</summary>
        public const string Compose = "Docker.Compose";

        /// <summary>DKR6xx: .NET project cross-checks.</summary>
        public const string DotNet = "Docker.DotNet";

        /// <summary>DKR9xx: the analyzer itself.</summary>
        public const string Analyzer = "Docker.Analyzer";
    }
}
