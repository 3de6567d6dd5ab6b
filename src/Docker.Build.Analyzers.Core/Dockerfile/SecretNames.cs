using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>Recognises variable names that hold secrets, and values that carry credentials.</summary>
    public static class SecretNames
    {
        /// <summary>Words that make a name secret on their own.</summary>
        private static readonly HashSet<string> SecretWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "password", "passwd", "pwd", "pass", "passphrase", "secret", "secrets", "token", "pat", "apikey",
            "credential", "credentials", "creds", "privatekey", "accesskey", "secretkey", "clientsecret",
            "connectionstring", "sastoken", "accountkey",
        };

        /// <summary>Words that make a following <c>key</c> secret: <c>API_KEY</c>, <c>PRIVATE_KEY</c>, <c>ACCOUNT_KEY</c>...</summary>
        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "api", "private", "access", "secret", "encryption", "signing", "master", "account", "storage", "client", "auth", "license", "subscription",
        };

        /// <summary>Words that say the variable holds something about a secret, not the secret: a path, a URL, a length...</summary>
        private static readonly HashSet<string> NonSecretWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "file", "path", "dir", "directory", "url", "uri", "endpoint", "public", "version", "length", "len", "size",
            "name", "expiry", "expires", "expiration", "ttl", "timeout", "header", "type", "mode", "policy", "enabled",
            "required", "hint", "location", "host", "port", "format", "algorithm", "id", "min", "max", "count", "prompt",
        };

        /// <summary>
        /// True when the name reads as a secret: <c>DB_PASSWORD</c>, <c>NUGET_PAT</c>, <c>ApiKey</c>, <c>GITHUB_TOKEN</c>;
        /// but not <c>PATH</c>, <c>PASSWORD_FILE</c>, <c>TOKEN_URL</c>.
        /// </summary>
        public static bool IsSecretName(string name)
        {
            var words = SplitWords(name);
            bool secret = false;
            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i];
                if (NonSecretWords.Contains(w)) return false;
                if (SecretWords.Contains(w)) secret = true;
                else if (w.Equals("key", StringComparison.OrdinalIgnoreCase) && i > 0 && KeyQualifiers.Contains(words[i - 1])) secret = true;
            }
            return secret;
        }

        /// <summary>Splits <c>DB_PASSWORD</c>, <c>db-password</c>, <c>dbPassword</c>, <c>ConnectionStrings__Default</c> into lower-case words.</summary>
        internal static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            int start = 0;
            for (int i = 0; i <= name.Length; i++)
            {
                bool boundary = i == name.Length || !char.IsLetterOrDigit(name[i]);
                bool camel = !boundary && i > start && char.IsUpper(name[i]) && char.IsLower(name[i - 1]);
                if (boundary || camel)
                {
                    if (i > start) words.Add(name.Substring(start, i - start).ToLowerInvariant());
                    start = boundary ? i + 1 : i;
                }
            }
            return words;
        }

        private static readonly Regex ConnectionStringPassword = new Regex(
            @"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<v>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex JsonPassword = new Regex(
            "\"(?:password|pat|token|apikey|secret)\"\\s*:\\s*\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>A literal credential inside a value: <c>Password=...</c> in a connection string, <c>"password": "..."</c> in JSON.</summary>
        public static bool ContainsCredential(string value)
        {
            foreach (Match m in ConnectionStringPassword.Matches(value))
                if (IsLiteral(m.Groups["v"].Value)) return true;
            foreach (Match m in JsonPassword.Matches(value))
                if (IsLiteral(m.Groups["v"].Value)) return true;
            return false;
        }

        private static bool IsLiteral(string v)
        {
            v = v.Trim().Trim('"', '\'');
            return v.Length > 0 && v.IndexOf('$') < 0;
        }
    }
}
