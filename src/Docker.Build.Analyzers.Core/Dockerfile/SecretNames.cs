using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Docker.Build.Analyzers.Dockerfile
{
    /// <summary>Recognises variable names that hold secrets, and values that carry credentials.</summary>
    public static class SecretNames
    {
        /// <summary>Words that make a name secret on their own.</summary>
        private static readonly WordSet SecretWords = new WordSet(new[]
        {
            "password", "passwd", "pwd", "pass", "passphrase", "secret", "secrets", "token", "pat", "apikey",
            "credential", "credentials", "creds", "privatekey", "accesskey", "secretkey", "clientsecret",
            "connectionstring", "sastoken", "accountkey",
        });

        /// <summary>Words that make a following <c>key</c> secret: <c>API_KEY</c>, <c>PRIVATE_KEY</c>, <c>ACCOUNT_KEY</c>...</summary>
        private static readonly WordSet KeyQualifiers = new WordSet(new[]
        {
            "api", "private", "access", "secret", "encryption", "signing", "master", "account", "storage", "client", "auth", "license", "subscription",
        });

        /// <summary>Words that say the variable holds something about a secret, not the secret: a path, a URL, a length...</summary>
        private static readonly WordSet NonSecretWords = new WordSet(new[]
        {
            "file", "path", "dir", "directory", "url", "uri", "endpoint", "public", "version", "length", "len", "size",
            "name", "expiry", "expires", "expiration", "ttl", "timeout", "header", "type", "mode", "policy", "enabled",
            "required", "hint", "location", "host", "port", "format", "algorithm", "id", "min", "max", "count", "prompt",
        });

        /// <summary>
        /// True when the name reads as a secret: <c>DB_PASSWORD</c>, <c>NUGET_PAT</c>, <c>ApiKey</c>, <c>GITHUB_TOKEN</c>;
        /// but not <c>PATH</c>, <c>PASSWORD_FILE</c>, <c>TOKEN_URL</c>.
        /// </summary>
        public static bool IsSecretName(string name)
        {
            // The words of SplitWords, walked in place: no list and no lower-case copies (the sets ignore case).
            bool secret = false;
            int previousStart = -1, previousLength = 0;
            var words = new NameWords(name);
            while (words.MoveNext())
            {
                int start = words.Start, length = words.Length;
                if (NonSecretWords.Contains(name, start, length)) return false;
                if (SecretWords.Contains(name, start, length)) secret = true;
                else if (length == 3 && string.Compare(name, start, "key", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
                    && previousStart >= 0 && KeyQualifiers.Contains(name, previousStart, previousLength)) secret = true;
                previousStart = start;
                previousLength = length;
            }
            return secret;
        }

        /// <summary>Splits <c>DB_PASSWORD</c>, <c>db-password</c>, <c>dbPassword</c>, <c>ConnectionStrings__Default</c> into lower-case words.</summary>
        internal static List<string> SplitWords(string name)
        {
            var words = new List<string>();
            var cursor = new NameWords(name);
            while (cursor.MoveNext()) words.Add(name.Substring(cursor.Start, cursor.Length).ToLowerInvariant());
            return words;
        }

        /// <summary>
        /// The words of a variable name, as positions in it: split at non-alphanumeric characters and at a lower-case
        /// letter followed by an upper-case one (<c>DB_PASSWORD</c>, <c>db-password</c>, <c>dbPassword</c>).
        /// </summary>
        internal struct NameWords
        {
            private readonly string _name;
            private int _next;

            public NameWords(string name)
            {
                _name = name;
                _next = 0;
                Start = 0;
                Length = 0;
            }

            public int Start { get; private set; }
            public int Length { get; private set; }

            public bool MoveNext()
            {
                int start = _next;
                for (int i = _next; i <= _name.Length; i++)
                {
                    bool boundary = i == _name.Length || !char.IsLetterOrDigit(_name[i]);
                    bool camel = !boundary && i > start && char.IsUpper(_name[i]) && char.IsLower(_name[i - 1]);
                    if (!boundary && !camel) continue;
                    int next = boundary ? i + 1 : i;
                    if (i > start)
                    {
                        Start = start;
                        Length = i - start;
                        _next = next;
                        return true;
                    }
                    start = next;
                }
                _next = _name.Length + 1;
                return false;
            }
        }

        private static readonly Regex ConnectionStringPassword = new Regex(
            @"(?:^|;)\s*(?:password|pwd)\s*=\s*(?<v>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex JsonPassword = new Regex(
            "\"(?:password|pat|token|apikey|secret)\"\\s*:\\s*\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>A literal credential inside a value: <c>Password=...</c> in a connection string, <c>"password": "..."</c> in JSON.</summary>
        public static bool ContainsCredential(string value)
        {
            // Each pattern needs a few characters that most values lack: check for them before running it.
            if (value.IndexOf('=') >= 0
                && (value.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                foreach (Match m in ConnectionStringPassword.Matches(value))
                    if (IsLiteral(m.Groups["v"].Value)) return true;
            }
            if (value.IndexOf('"') >= 0 && value.IndexOf(':') >= 0)
            {
                foreach (Match m in JsonPassword.Matches(value))
                    if (IsLiteral(m.Groups["v"].Value)) return true;
            }
            return false;
        }

        private static bool IsLiteral(string v)
        {
            v = v.Trim().Trim('"', '\'');
            return v.Length > 0 && v.IndexOf('$') < 0;
        }
    }

    /// <summary>A small set of ASCII words, looked up case-insensitively by a piece of a string (no substring made).</summary>
    internal sealed class WordSet
    {
        private readonly string[][] _byLength;

        public WordSet(string[] words)
        {
            int max = 0;
            foreach (var w in words) max = Math.Max(max, w.Length);
            var lists = new List<string>[max + 1];
            foreach (var w in words) (lists[w.Length] ??= new List<string>()).Add(w);
            _byLength = new string[max + 1][];
            for (int i = 0; i <= max; i++) _byLength[i] = lists[i]?.ToArray() ?? Array.Empty<string>();
        }

        public bool Contains(string text, int start, int length)
        {
            if (length >= _byLength.Length) return false;
            foreach (var w in _byLength[length])
                if (string.Compare(text, start, w, 0, length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            return false;
        }
    }
}
