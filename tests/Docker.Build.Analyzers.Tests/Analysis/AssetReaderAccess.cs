using Docker.Build.Analyzers.Text;
using Xunit;

namespace Docker.Build.Analyzers.Analysis
{
    internal static class AssetReaderAccess
    {
        public static SourceText Decode(byte[] bytes)
        {
            var text = AssetReader.Decode(bytes, "/x/Dockerfile", out var problem);
            Assert.Null(problem);
            return text!;
        }
    }
}
