using System.Text.RegularExpressions;

namespace SessionResume.Redaction;

/// <summary>
/// Secrets recognisable only by the name in front of them: connection-string keys, HTTP
/// authorisation headers, "api_key=" assignments. Each pattern captures the secret as the group
/// "value" and keeps the name, so "Password=[REDACTED:password]" still tells a reader what was there.
/// A value that already is a marker is never matched again, so redacting twice changes nothing.
/// </summary>
internal static partial class AssignmentPatterns
{
    const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    const int Timeout = SecretRedactor.MatchTimeoutMilliseconds;

    // The names a generic assignment may end with ("GITHUB_TOKEN", "clientSecret", "db_password").
    // A name must end here: "tokenizer" and "secretName" are not secrets. Bare "key" is too common
    // (dictionary keys) to be one of them. PWD=/path is the shell's working directory, not a password.
    const string Names = @"(?<kw>api[_\-]?key|api[_\-]?secret|app[_\-]?secret|client[_\-]?secret|secret[_\-]?key|access[_\-]?key" +
        @"|secret|access[_\-]?token|refresh[_\-]?token|auth[_\-]?token|token|private[_\-]?key|passwd|password|pwd(?!=/))";

    // A quoted value, escapes allowed, not empty, not already redacted; bounded so one unclosed
    // quote costs at most this much scanning per name.
    const string DoubleQuoted = @"""(?<value>(?!\[REDACTED:)(?:[^""\\\r\n]|\\.){1,1000})""";
    const string SingleQuoted = @"'(?<value>(?!\[REDACTED:)(?:[^'\\\r\n]|\\.){1,1000})'";

    // What an unquoted value may hold: anything up to a space, quote, separator or bracket.
    const string Bare = @"[^\s'""`,;&<>(){}\[\]]";

    // A reference to a secret is not one: $(NuGetApiKey), ${API_KEY}, %API_KEY%, and JSON literals.
    const string NotAReference = @"(?!\$[({]|%[A-Za-z_]|(?:null|true|false|undefined|none)(?!" + Bare + "))";

    // Text a random token is made of, for the one form that has no other clue (see Assignment).
    const string TokenChar = @"[A-Za-z0-9_\-+/=.~]";

    const string Space = @"[^\S\r\n]*";

    // AWS_SECRET_ACCESS_KEY=..., "SecretAccessKey": "...": 40 characters of base64.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:(?:aws_?)?secret_?access_?key|aws_?secret_?key)[""']?" + Space + "[:=]" + Space +
        @"[""']?(?<value>(?-i:[A-Za-z0-9/+]{40}))(?![A-Za-z0-9/+=])", Options, Timeout)]
    public static partial Regex AwsSecretKey();

    // Storage, Service Bus and Event Hubs connection strings; a SAS value runs to the next ';'.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey|SharedAccessSignature)" + Space + "=" + Space +
        @"(?!\[REDACTED:)(?<value>[^;\s'""]+)", Options, Timeout)]
    public static partial Regex AzureConnectionString();

    // The signature of a SAS URL (?sv=...&sig=...): the rest of the query (permissions, expiry) stays.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])sig=(?<value>[A-Za-z0-9%+/=_\-]{16,})", Options, Timeout)]
    public static partial Regex AzureSasSignature();

    // A storage account key (64 bytes, 88 base64 characters) after a name ending in "key" or after
    // --account-key. Not bare: a SHA-512 in base64 (NuGet's content hashes) has the same shape.
    [GeneratedRegex(@"(?:key[0-9]?[""']?" + Space + "[:=]" + Space + @"[""']?|--account-key[^\S\r\n]+)" +
        @"(?<value>(?-i:[A-Za-z0-9+/]{86}==))(?![A-Za-z0-9+/=])", Options, Timeout)]
    public static partial Regex AzureStorageKey();

    // Password= / Pwd= in a connection string (ADO.NET, ODBC {braced}, quoted). Unquoted, the value
    // runs to the next ';' because a password may hold spaces. No space before '=': with one
    // ("user.Password = value;") it is code, left to the generic rule, which wants a quoted or
    // random-looking value there. A whole word only: "PromptForPassword=false" is a switch.
    // PWD=/path is the shell's working directory.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:Password|Pwd(?!=/))=(?![=>])" +
        @"(?:'(?<value>(?!\[REDACTED:)[^'\r\n]+)'" +
        @"|""(?<value>(?!\[REDACTED:)[^""\r\n]+)""" +
        @"|\{(?<value>(?!\[REDACTED:)[^}\r\n]+)\}" +
        @"|(?<value>(?!\{?\[REDACTED:)[^;'""\r\n]*[^;'""\s]))", Options, Timeout)]
    public static partial Regex ConnectionStringPassword();

    // scheme://user:password@host (database and broker URLs in exception messages).
    [GeneratedRegex(@"://[^\s/:@'""]{1,256}:(?!\[REDACTED:)(?<value>[^\s/@'""]{1,256})@", Options, Timeout)]
    public static partial Regex UrlPassword();

    // "Bearer <token>": a token has a digit, which keeps "the Bearer scheme requires..." as it is.
    [GeneratedRegex(@"(?<![A-Za-z0-9])bearer[^\S\r\n]+(?!\[REDACTED:)(?<value>(?=[A-Za-z0-9\-._~+/]*[0-9])[A-Za-z0-9\-._~+/]{16,}=*)",
        Options, Timeout)]
    public static partial Regex BearerToken();

    // "Authorization: Basic <base64 of user:password>"; only with the header name, since "basic" is a common word.
    [GeneratedRegex(@"authorization[""']?" + Space + "[:=]" + Space + @"[""']?basic[^\S\r\n]+(?<value>(?-i:[A-Za-z0-9+/]{8,}={0,2}))",
        Options, Timeout)]
    public static partial Regex BasicAuth();

    /// <summary>
    /// name = value, in the forms secrets are written in: "secret": "..." (JSON), secret = "..." or
    /// secret: "..." (code, YAML), API_KEY=value / ?access_token=value (environment, query string,
    /// command line, no space), and "api_key: 9f8e..." with a space only when the value looks
    /// random (letters and digits, 8 or more). Code such as "user.Password = value;",
    /// "password == null", "token => ..." and named arguments "token: ct" is none of these.
    /// A single-quoted value needs a quoted name or '=': "Unexpected token: '}'" is a parser's message.
    /// </summary>
    [GeneratedRegex(Names + @"(?![A-Za-z0-9])(?:" +
        @"(?:[""']\]?)?" + Space + @"[:=](?![=>~:])" + Space + DoubleQuoted +
        @"|(?:[""']\]?" + Space + "[:=]|" + Space + "=)(?![=>~:])" + Space + SingleQuoted +
        @"|[""']?[:=](?![=>:])" + NotAReference + "(?<value>" + Bare + "+)" +
        @"|[""']?" + Space + "[:=](?![=>:])" + Space + "(?<value>(?=" + TokenChar + "*[0-9])(?=" + TokenChar + "*[A-Za-z])" +
            TokenChar + "{8,})(?!" + TokenChar + @"|\()" +
        ")", Options, Timeout)]
    public static partial Regex Assignment();

    // <Password>...</Password>, <NuGetApiKey>...</NuGetApiKey> in project and config files.
    [GeneratedRegex(@"<[A-Za-z0-9_.:\-]*?" + Names + ">" + NotAReference + @"(?!\[REDACTED:)(?<value>[^<\r\n]+)</", Options, Timeout)]
    public static partial Regex XmlElement();
}
