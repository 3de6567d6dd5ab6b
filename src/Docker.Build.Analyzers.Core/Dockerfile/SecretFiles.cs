using System;
using System.Text.RegularExpressions;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>How a file is recognised as a secret.</summary>
    public enum SecretFileEvidence
    {
        /// <summary>Not a secret file.</summary>
        None,

        /// <summary>The name alone says it (<c>.env</c>, <c>*.pfx</c>, <c>id_rsa</c>...).</summary>
        Name,

        /// <summary>
        /// The name says it may hold a secret (<c>.npmrc</c>, <c>nuget.config</c>, <c>*.pem</c>); the content decides
        /// (<see cref="SecretFiles.ContentHoldsSecret"/>).
        /// </summary>
        Content,
    }

    /// <summary>Recognises files that hold credentials or private keys, by name and, for ambiguous names, by content.</summary>
    public static class SecretFiles
    {
        /// <summary>
        /// Classifies a file by its context-relative path (or bare name). <paramref name="what"/> describes it for
        /// messages; <paramref name="ignorePattern"/> is a .dockerignore line that would keep it (and its kind) out.
        /// </summary>
        public static SecretFileEvidence Classify(string path, out string what, out string ignorePattern)
        {
            what = "";
            ignorePattern = "";
            // Most files of a context are plain sources: turn them away before cutting and lower-casing the name.
            if (!MayBeSecret(path, path.LastIndexOf('/') + 1)) return SecretFileEvidence.None;
            string name = path;
            int slash = name.LastIndexOf('/');
            if (slash >= 0) name = name.Substring(slash + 1);
            string lower = name.ToLowerInvariant();

            if (lower == ".env" || (lower.StartsWith(".env.", StringComparison.Ordinal) && !IsEnvTemplate(lower)))
                return Found("an environment file with secrets", "**/" + (lower == ".env" ? name : ".env.*"), out what, out ignorePattern);

            if (HasExtension(lower, ".pfx") || HasExtension(lower, ".p12"))
                return Found("a certificate with its private key", "**/*" + Extension(name), out what, out ignorePattern);
            if (HasExtension(lower, ".key"))
                return Found("a private key", "**/*" + Extension(name), out what, out ignorePattern);
            if (HasExtension(lower, ".ppk"))
                return Found("a PuTTY private key", "**/*" + Extension(name), out what, out ignorePattern);
            if (HasExtension(lower, ".jks") || HasExtension(lower, ".keystore"))
                return Found("a Java keystore", "**/*" + Extension(name), out what, out ignorePattern);
            if (HasExtension(lower, ".publishsettings"))
                return Found("Azure publish settings with deployment credentials", "**/*" + Extension(name), out what, out ignorePattern);

            foreach (var key in SshKeyPrefixes)
            {
                if (lower.StartsWith(key, StringComparison.Ordinal) && !lower.EndsWith(".pub", StringComparison.Ordinal))
                    return Found("an SSH private key", "**/" + key + "*", out what, out ignorePattern);
            }

            switch (lower)
            {
                case "secrets.json": return Found("a user-secrets file", "**/secrets.json", out what, out ignorePattern);
                case ".git-credentials": return Found("stored git credentials", "**/.git-credentials", out what, out ignorePattern);
                case ".netrc":
                case "_netrc": return Found("a .netrc with login credentials", "**/" + name, out what, out ignorePattern);
                case ".pgpass": return Found("a PostgreSQL password file", "**/.pgpass", out what, out ignorePattern);
                case ".htpasswd": return Found("an htpasswd file with password hashes", "**/.htpasswd", out what, out ignorePattern);
                case "credentials":
                    if (path.EndsWith(".aws/credentials", StringComparison.OrdinalIgnoreCase))
                        return Found("AWS credentials", "**/.aws", out what, out ignorePattern);
                    break;
                case ".npmrc":
                    what = "an .npmrc with a registry token";
                    ignorePattern = "**/.npmrc";
                    return SecretFileEvidence.Content;
                case ".pypirc":
                    what = "a .pypirc with a package index password";
                    ignorePattern = "**/.pypirc";
                    return SecretFileEvidence.Content;
                case "nuget.config":
                    what = "a NuGet.Config with a clear-text feed password";
                    ignorePattern = "**/" + name;
                    return SecretFileEvidence.Content;
            }
            if (HasExtension(lower, ".pem"))
            {
                what = "a PEM file with a private key";
                ignorePattern = "**/*" + Extension(name);
                return SecretFileEvidence.Content;
            }
            return SecretFileEvidence.None;
        }

        /// <summary>
        /// Developer-local settings that .NET projects keep out of source control and that often hold connection strings
        /// and keys: <c>appsettings.local.json</c>, <c>appsettings.Development.local.json</c>. Not a secret by name for a
        /// context copy (many repositories commit an empty one), but one the project publishes ships on purpose.
        /// </summary>
        public static bool IsLocalSettingsFile(string path, out string what)
        {
            string name = path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1).ToLowerInvariant();
            what = "a developer-local settings file";
            return name.StartsWith("appsettings.", StringComparison.Ordinal) && name.EndsWith(".local.json", StringComparison.Ordinal)
                || name == "appsettings.local.json";
        }

        private static readonly Regex SettingsCredential = new Regex(
            "\"[^\"]*(?:password|passwd|pwd|secret|token|apikey|api_key|accesskey|access_key|privatekey|private_key|clientsecret)[^\"]*\"\\s*:\\s*\"(?![\"$%{<])[^\"]{3,}\"" +
            "|(?:password|pwd)\\s*=\\s*(?![$%{<;\"])[^;\"]{3,}",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>
        /// A .NET settings file that holds a literal credential: a secret-named key with a non-empty value that is not a
        /// placeholder, or a connection string with <c>Password=</c>/<c>Pwd=</c>.
        /// </summary>
        public static bool SettingsHoldCredential(string content)
        {
            try
            {
                return SettingsCredential.IsMatch(content);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>
        /// For <see cref="SecretFileEvidence.Content"/> files: true when the text holds a literal credential (a token
        /// or password that is not a <c>${VAR}</c>/<c>%VAR%</c> placeholder) or a private key block.
        /// </summary>
        public static bool ContentHoldsSecret(string path, string content)
        {
            string name = path.Substring(path.LastIndexOf('/') + 1).ToLowerInvariant();
            switch (name)
            {
                case ".npmrc": return NpmToken.IsMatch(content);
                case ".pypirc": return PypiPassword.IsMatch(content);
                case "nuget.config":
                    foreach (Match m in NuGetClearText.Matches(content))
                    {
                        var value = NuGetValue.Match(m.Value);
                        if (value.Success && value.Groups["v"].Value.Length > 0 && !value.Groups["v"].Value.StartsWith("%", StringComparison.Ordinal)) return true;
                    }
                    return false;
            }
            return content.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0;
        }

        /// <summary>Extensions that <see cref="Classify"/> recognises.</summary>
        private static readonly string[] SecretExtensions = { ".pfx", ".p12", ".key", ".ppk", ".jks", ".keystore", ".publishsettings", ".pem" };

        /// <summary>Names that <see cref="Classify"/> recognises as a whole.</summary>
        private static readonly string[] SecretFileNames =
        {
            "secrets.json", ".git-credentials", ".netrc", "_netrc", ".pgpass", ".htpasswd", "credentials", ".npmrc", ".pypirc", "nuget.config",
        };

        /// <summary>
        /// A quick, allocation-free superset of what <see cref="Classify"/> accepts, judged on the file name that
        /// starts at <paramref name="nameStart"/>: false means certainly not a secret file.
        /// </summary>
        private static bool MayBeSecret(string path, int nameStart)
        {
            int length = path.Length - nameStart;
            if (length <= 0) return false;
            // Lower-casing a non-ASCII name may give an ASCII one (the Kelvin sign gives 'k'): leave those to Classify.
            for (int i = nameStart; i < path.Length; i++)
                if (path[i] > 0x7F) return true;
            if (StartsWithIgnoreCase(path, nameStart, ".env")) return true;
            foreach (var key in SshKeyPrefixes)
                if (StartsWithIgnoreCase(path, nameStart, key)) return true;
            foreach (var extension in SecretExtensions)
                if (length > extension.Length && string.Compare(path, path.Length - extension.Length, extension, 0, extension.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            foreach (var name in SecretFileNames)
                if (length == name.Length && string.Compare(path, nameStart, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            return false;
        }

        private static bool StartsWithIgnoreCase(string text, int start, string prefix) =>
            text.Length - start >= prefix.Length && string.Compare(text, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

        private static readonly string[] SshKeyPrefixes = { "id_rsa", "id_ed25519", "id_ecdsa", "id_dsa" };

        private static readonly string[] EnvTemplateSuffixes = { ".example", ".sample", ".template", ".dist", ".defaults", ".tmpl" };

        private static bool IsEnvTemplate(string lowerName)
        {
            foreach (var suffix in EnvTemplateSuffixes)
                if (lowerName.EndsWith(suffix, StringComparison.Ordinal)) return true;
            return false;
        }

        private static bool HasExtension(string lowerName, string extension) =>
            lowerName.Length > extension.Length && lowerName.EndsWith(extension, StringComparison.Ordinal);

        private static string Extension(string name) => name.Substring(name.LastIndexOf('.'));

        private static SecretFileEvidence Found(string description, string pattern, out string what, out string ignorePattern)
        {
            what = description;
            ignorePattern = pattern;
            return SecretFileEvidence.Name;
        }

        private static readonly Regex NpmToken = new Regex(
            @"(?:^|[:\s])(?:_authToken|_auth|_password)\s*=\s*(?!\$\{)[^\s$]", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private static readonly Regex PypiPassword = new Regex(
            @"^\s*password\s*[:=]\s*(?!\$\{|%\()\S", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex NuGetClearText = new Regex(
            "<add\\b[^>]*\\bkey\\s*=\\s*\"ClearTextPassword\"[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex NuGetValue = new Regex(
            "\\bvalue\\s*=\\s*\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
