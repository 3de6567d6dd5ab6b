using System;
using System.IO;
using System.Text;
using Docker.Build.Analyzers.Text;

namespace Docker.Build.Analyzers.Analysis
{
    /// <summary>Reads an asset into a <see cref="SourceText"/>, or says in plain words why it cannot.</summary>
    internal static class AssetReader
    {
        /// <summary>Larger files are not Docker assets anyone writes by hand; reading them would slow every build.</summary>
        public const long MaxFileSize = 4 * 1024 * 1024;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static SourceText? TryRead(IFileSystem fileSystem, string path, out string? problem)
        {
            problem = null;
            byte[] bytes;
            try
            {
                if (!fileSystem.FileExists(path))
                {
                    problem = fileSystem.DirectoryExists(path) ? "it is a directory, not a file" : "the file does not exist";
                    return null;
                }
                long length = fileSystem.GetFileLength(path);
                if (length > MaxFileSize)
                {
                    problem = $"the file is {length / 1024} KiB, more than the {MaxFileSize / 1024 / 1024} MiB a Docker asset can reasonably be";
                    return null;
                }
                bytes = fileSystem.ReadAllBytes(path);
            }
            catch (UnauthorizedAccessException)
            {
                problem = "permission to read the file was denied";
                return null;
            }
            catch (IOException ex)
            {
                problem = "the file could not be read (" + ex.Message + ")";
                return null;
            }
            return Decode(bytes, path, out problem);
        }

        public static SourceText? Decode(byte[] bytes, string path, out string? problem)
        {
            problem = null;
            int offset = 0;
            bool bom = false;
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                offset = 3;
                bom = true;
            }
            else if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                problem = "the file is UTF-16 encoded; Docker reads these files as UTF-8";
                return null;
            }
            for (int i = offset; i < bytes.Length; i++)
            {
                if (bytes[i] == 0)
                {
                    problem = "the file is binary, not text (it contains a NUL byte)";
                    return null;
                }
            }
            string text;
            try
            {
                text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException)
            {
                problem = "the file is not valid UTF-8 text";
                return null;
            }
            return SourceText.From(text, path, bom);
        }
    }
}
