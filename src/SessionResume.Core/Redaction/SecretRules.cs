using System.Text.RegularExpressions;
using static System.StringComparison;

namespace SessionResume.Redaction;

/// <summary>
/// Every kind of secret, in the order they are applied. Specific shapes come before the generic
/// name=value forms, so "GITHUB_TOKEN=ghp_..." says github-token, not api-key, and "Bearer eyJ..."
/// says jwt; the generic forms then skip values that already are markers. The PEM block comes first
/// because its base64 body would otherwise be cut into pieces by the shorter patterns.
/// </summary>
internal static class SecretRules
{
    public static readonly IReadOnlyList<SecretRule> All =
    [
        new("private-key", TokenPatterns.PrivateKey(), Ordinal, "PRIVATE KEY"),
        new("jwt", TokenPatterns.Jwt(), Ordinal, "eyJ"),
        new("aws-access-key", TokenPatterns.AwsAccessKey(), Ordinal, "AKIA", "ASIA"),
        new("github-token", TokenPatterns.GitHubToken(), Ordinal, "gh", "github_pat_"),
        new("gitlab-token", TokenPatterns.GitLabToken(), Ordinal, "gl"),
        new("slack-token", TokenPatterns.SlackToken(), Ordinal, "xox"),
        new("slack-webhook", TokenPatterns.SlackWebhook(), Ordinal, "hooks.slack.com"),
        new("npm-token", TokenPatterns.NpmToken(), Ordinal, "npm_"),
        new("google-api-key", TokenPatterns.GoogleApiKey(), Ordinal, "AIza"),
        new("stripe-key", TokenPatterns.StripeKey(), Ordinal, "k_live_", "k_test_"),
        new("nuget-api-key", TokenPatterns.NuGetApiKey(), Ordinal, "oy2"),
        new("openai-api-key", TokenPatterns.OpenAiKey(), Ordinal, "sk-"),
        new("anthropic-api-key", TokenPatterns.AnthropicKey(), Ordinal, "sk-ant-"),
        new("azure-connection-string", AssignmentPatterns.AzureConnectionString(), OrdinalIgnoreCase, "AccountKey", "SharedAccess"),
        new("azure-sas-token", AssignmentPatterns.AzureSasSignature(), OrdinalIgnoreCase, "sig="),
        new("aws-secret-key", AssignmentPatterns.AwsSecretKey(), OrdinalIgnoreCase, "secret"),
        new("azure-storage-key", AssignmentPatterns.AzureStorageKey(), OrdinalIgnoreCase, "key"),
        new("password", AssignmentPatterns.ConnectionStringPassword(), OrdinalIgnoreCase, "passw", "pwd"),
        new("password", AssignmentPatterns.UrlPassword(), Ordinal, "://"),
        new("bearer-token", AssignmentPatterns.BearerToken(), OrdinalIgnoreCase, "bearer"),
        new("basic-auth", AssignmentPatterns.BasicAuth(), OrdinalIgnoreCase, "basic"),
        new("api-key", AssignmentPatterns.Assignment(), OrdinalIgnoreCase, "key", "secret", "token", "passw", "pwd") { KindOf = ByName },
        new("api-key", AssignmentPatterns.XmlElement(), Ordinal, "</") { KindOf = ByName },
    ];

    /// <summary>The kinds a caller may meet in a marker, each once, in the order above.</summary>
    public static IEnumerable<string> Kinds => All.Select(r => r.Kind).Distinct();

    /// <summary>A generic assignment to a password-like name is a password; any other is an api-key.</summary>
    static string ByName(Match match)
    {
        var name = match.Groups["kw"].ValueSpan;
        return name.StartsWith("pass", OrdinalIgnoreCase) || name.Equals("pwd", OrdinalIgnoreCase) ? "password" : "api-key";
    }
}
