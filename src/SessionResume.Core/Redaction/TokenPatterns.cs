using System.Text.RegularExpressions;

namespace SessionResume.Redaction;

/// <summary>
/// Secrets recognisable by their own shape: a vendor prefix and a fixed alphabet and length, or a
/// PEM block. Each is bounded by look-arounds so that it is not found inside a longer word, and none
/// matches plain hex or a GUID (commit hashes and ids must survive). All are linear in the input:
/// no nested quantifiers, and every repetition stops at a character outside its class.
/// </summary>
internal static partial class TokenPatterns
{
    const RegexOptions Options = RegexOptions.CultureInvariant;
    const int Timeout = SecretRedactor.MatchTimeoutMilliseconds;

    // The whole block, header to footer. The body is taken as far as PEM text goes (base64, line
    // breaks, "Proc-Type: 4,ENCRYPTED" headers, JSON's "\n" escapes), so a block that a shortened
    // message cut off before its END line is still removed; '-' counts as body only when it does
    // not start the "-----END" line. CERTIFICATE and PUBLIC KEY blocks are public and stay.
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+/=\s:,\\]|-(?!----))*" +
        @"(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?", Options, Timeout)]
    public static partial Regex PrivateKey();

    // header.payload.signature, base64url; the header is JSON, so it starts with eyJ ('{"').
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*", Options, Timeout)]
    public static partial Regex Jwt();

    // Long-term (AKIA) and temporary (ASIA) access key ids. Other AWS id prefixes (AIDA, AROA) name
    // users and roles and are not credentials.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", Options, Timeout)]
    public static partial Regex AwsAccessKey();

    // ghp_ (classic), gho_ (OAuth), ghu_/ghs_ (app user/server), ghr_ (refresh), github_pat_ (fine-grained).
    // A bare 40-hex token of the old format cannot be told from a commit hash and is left alone.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})(?![A-Za-z0-9_])", Options, Timeout)]
    public static partial Regex GitHubToken();

    // glpat- (personal/project/group), gloas- (OAuth secret), gldt- (deploy), glrt-/glrtr- (runner),
    // glcbt- (CI job), glptt- (trigger), glft- (feed), glimt- (mail), glagent-, glsoat-, glffct-.
    // Newer routable tokens carry dotted parts; a sentence's full stop is not taken.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])gl(?:pat|oas|dt|rt|rtr|cbt|ptt|ft|imt|agent|soat|ffct)-" +
        @"[A-Za-z0-9_\-]{20,}(?:\.[A-Za-z0-9_\-]+)*", Options, Timeout)]
    public static partial Regex GitLabToken();

    // xoxb- (bot), xoxp- (user), xoxa-/xoxr-/xoxs-, xoxe.xoxp-1- and xoxe-1- (rotating). Real ones
    // continue with a digit (the team id or version), which "xoxo-hugs" does not.
    [GeneratedRegex(@"(?<![A-Za-z0-9])xox[baprse](?:\.xox[bp])?-[0-9][A-Za-z0-9\-]{9,}", Options, Timeout)]
    public static partial Regex SlackToken();

    // The path of an incoming webhook is its credential; the host stays so a reader knows what it was.
    [GeneratedRegex(@"https://hooks\.slack\.com/(?:services|workflows|triggers)/(?<value>[A-Za-z0-9_/\-]{8,})", Options, Timeout)]
    public static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", Options, Timeout)]
    public static partial Regex NpmToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])AIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])", Options, Timeout)]
    public static partial Regex GoogleApiKey();

    // Secret (sk_) and restricted (rk_) keys; publishable keys (pk_) are meant to be public.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,}", Options, Timeout)]
    public static partial Regex StripeKey();

    // nuget.org API keys: oy2 and 43 lower-case letters or digits. This package lives next to `dotnet nuget push`.
    [GeneratedRegex(@"(?<![A-Za-z0-9])oy2[a-z0-9]{43}(?![A-Za-z0-9])", Options, Timeout)]
    public static partial Regex NuGetApiKey();

    // sk-proj-/sk-svcacct-/sk-admin- keys, and legacy sk- keys with their "T3BlbkFJ" marker in the middle.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})",
        Options, Timeout)]
    public static partial Regex OpenAiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])sk-ant-(?:api|admin|oat)[0-9]{2}-[A-Za-z0-9_\-]{32,}", Options, Timeout)]
    public static partial Regex AnthropicKey();
}
