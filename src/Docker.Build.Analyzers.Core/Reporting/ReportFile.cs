using System;
using System.IO;
using System.Text;

namespace Docker.Build.Analyzers.Reporting
{
    /// <summary>Writes report files so that a reader never sees half a file, even when two builds write the same path.</summary>
    public static class ReportFile
    {
        /// <summary>UTF-8 without a byte order mark, as JSON (RFC 8259) asks.</summary>
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        /// <summary>
        /// Creates the directory if needed, writes the content to a temporary file beside the target, then moves it
        /// over the target. Throws the I/O exception of the step that failed; the temporary file never stays behind.
        /// </summary>
        public static void WriteAtomically(string path, Action<TextWriter> write)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A report needs a path.", nameof(path));
            if (write == null) throw new ArgumentNullException(nameof(write));
            string fullPath = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(fullPath) ?? throw new IOException($"'{path}' is not a file path.");
            Directory.CreateDirectory(directory);
            string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream, Utf8))
                {
                    write(writer);
                }
                Replace(temporary, fullPath);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    try { File.Delete(temporary); }
                    catch (IOException) { }
                    catch (UnauthorizedAccessException) { }
                }
            }
        }

        private static void Replace(string source, string destination)
        {
#if NET8_0_OR_GREATER
            File.Move(source, destination, overwrite: true);
#else
            if (!File.Exists(destination))
            {
                try
                {
                    File.Move(source, destination);
                    return;
                }
                catch (IOException) when (File.Exists(destination))
                {
                    // Another build wrote it in between: replace that file instead.
                }
            }
            File.Replace(source, destination, destinationBackupFileName: null);
#endif
        }
    }
}
