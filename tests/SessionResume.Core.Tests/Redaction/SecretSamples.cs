using System.Globalization;
namespace SessionResume.Tests.Redaction;

/// <summary>A secret of one kind inside realistic text; redaction must replace exactly the secret.</summary>
sealed record Sample(string Kind, string Secret, string Text)
{
    public string Expected => Text.Replace(Secret, $"[REDACTED:{Kind}]", StringComparison.Ordinal);
}

/// <summary>Text that looks a little like a secret and is not; <see cref="Tempts"/> names the kind it resembles.</summary>
sealed record NearMiss(string Tempts, string What, string Text);

/// <summary>
/// The table behind the redaction tests: per kind, real-shaped made-up secrets in the messages
/// where they turn up (compiler and test output, exception messages, source lines), and the near
/// misses that must come through unchanged. A different seed gives the same texts with different
/// secrets of the same shapes.
/// </summary>
static class SecretSamples
{
    public static IReadOnlyList<Sample> All(int seed = 1)
    {
        string Of(string alphabet, int length, int salt = 0) => Fake.Of(alphabet, length, seed, salt);
        var password = "P@ss-" + Of(Fake.Alnum, 10) + "!";
        var plainPassword = "pw" + Of(Fake.Alnum, 12);
        var assertEqual = "Assert.Equal() Failure: Strings differ\nExpected: \"{0}\"\nActual:   null";
        var storageKey = Of(Fake.Base64, 86) + "==";
        var jwt = Fake.Jwt(seed);
        return
        [
            new("aws-access-key", "AKIA" + Of(Fake.UpperAlnum, 16), string.Format(CultureInfo.InvariantCulture, assertEqual, "AKIA" + Of(Fake.UpperAlnum, 16))),
            new("aws-access-key", "ASIA" + Of(Fake.UpperAlnum, 16, 1),
                $"Amazon.Runtime.AmazonServiceException: The security token included in the request is invalid (aws_access_key_id=ASIA{Of(Fake.UpperAlnum, 16, 1)})"),

            new("aws-secret-key", Of(Fake.Base64, 40), $"Unable to load credentials: aws_secret_access_key = {Of(Fake.Base64, 40)} (profile 'ci')"),
            new("aws-secret-key", Of(Fake.Base64, 40, 1), $"{{ \"Region\": \"eu-west-1\", \"SecretAccessKey\": \"{Of(Fake.Base64, 40, 1)}\" }}"),

            new("github-token", "ghp_" + Of(Fake.Alnum, 36),
                $"System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized). GITHUB_TOKEN=ghp_{Of(Fake.Alnum, 36)}"),
            new("github-token", $"github_pat_{Of(Fake.Alnum, 22, 1)}_{Of(Fake.Alnum, 59, 2)}", string.Format(CultureInfo.InvariantCulture, assertEqual, $"github_pat_{Of(Fake.Alnum, 22, 1)}_{Of(Fake.Alnum, 59, 2)}")),
            new("github-token", "ghs_" + Of(Fake.Alnum, 36, 3), $"fatal: could not read Username for 'https://x-access-token:ghs_{Of(Fake.Alnum, 36, 3)}@github.com/org/repo.git'"),

            new("gitlab-token", "glpat-" + Of(Fake.Alnum + "_-", 20), $"remote: HTTP Basic: Access denied. Token glpat-{Of(Fake.Alnum + "_-", 20)} has expired."),
            new("gitlab-token", "glcbt-" + Of(Fake.Alnum, 24, 1), $"GITLAB_TOKEN=glcbt-{Of(Fake.Alnum, 24, 1)} dotnet test"),

            new("azure-storage-key", storageKey, $"Environment: AZURE_STORAGE_KEY={storageKey}"),
            new("azure-storage-key", storageKey, $"Options validation failed: {{ \"storageAccountKey\": \"{storageKey}\" }}"),
            new("azure-storage-key", storageKey, $"az storage blob upload --account-name acct --account-key {storageKey} -f out.zip exited with 1"),

            new("azure-connection-string", storageKey,
                $"System.FormatException: No valid combination of account information found. Connection string: DefaultEndpointsProtocol=https;AccountName=myacct;AccountKey={storageKey};EndpointSuffix=core.windows.net"),
            new("azure-connection-string", Of(Fake.Base64, 43, 1) + "=",
                $"Endpoint=sb://my-ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={Of(Fake.Base64, 43, 1)}="),
            new("azure-connection-string", $"sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-12-01T00:00:00Z&sig={Of(Fake.Alnum, 43, 2)}%3D",
                $"BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-12-01T00:00:00Z&sig={Of(Fake.Alnum, 43, 2)}%3D"),

            new("azure-sas-token", Of(Fake.Base64, 43, 3) + "%3D",
                $"Azure.RequestFailedException: Server failed to authenticate the request.\nRequestUri: https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&se=2026-12-01&sr=b&sp=r&sig={Of(Fake.Base64, 43, 3)}%3D"),

            new("password", password,
                $"Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'sa'. Server=db;Database=app;User Id=sa;Password={password};TrustServerCertificate=True"),
            new("password", password, $"ERROR [28000] Login failed. DRIVER={{ODBC Driver 18 for SQL Server}};SERVER=db;UID=app;PWD={{{password}}}"),
            new("password", "correct horse " + Of(Lowers, 8), $"Host=localhost;Username=app;Password=correct horse {Of(Lowers, 8)};Database=app"),
            new("password", plainPassword, $"Npgsql.NpgsqlException: Failed to connect to postgres://app:{plainPassword}@localhost:5432/app"),
            new("password", password, $"Expected: {{ \"user\": \"admin\", \"password\": \"{password}\" }}"),
            new("password", password, $"const string Password = \"{password}\";"),

            new("bearer-token", Of(Fake.Alnum, 40), $"Request headers: Accept: application/json; Authorization: Bearer {Of(Fake.Alnum, 40)}"),
            new("bearer-token", Of(Fake.Base64Url, 32, 1), $"HttpClient sent 'authorization: bearer {Of(Fake.Base64Url, 32, 1)}' and got 401"),

            new("jwt", jwt, $"IDX10223: Lifetime validation failed. The token is expired. Token: '{jwt}'."),
            new("jwt", jwt, $"Authorization: Bearer {jwt}"),
            new("jwt", jwt, $"GET https://app.example.com/callback?access_token={jwt}&state=xyz returned 500"),

            new("private-key", Fake.Pem("RSA PRIVATE KEY", 4, seed),
                $"System.Security.Cryptography.CryptographicException: ASN1 corrupted data.\nKey: {Fake.Pem("RSA PRIVATE KEY", 4, seed)}\n   at App.Keys.Load()"),
            new("private-key", Fake.Pem("OPENSSH PRIVATE KEY", 3, seed).Replace("\n", "\\n"),
                $"{{\"type\": \"service_account\", \"private_key\": \"{Fake.Pem("OPENSSH PRIVATE KEY", 3, seed).Replace("\n", "\\n")}\\n\"}}"),
            // A message cut short by the state's size limit: no END line.
            new("private-key", Fake.Pem("PGP PRIVATE KEY BLOCK", 3, seed)[..150],
                $"Signing failed: {Fake.Pem("PGP PRIVATE KEY BLOCK", 3, seed)[..150]}… [1200 more chars]"),

            new("slack-token", $"xoxb-{Of(Fake.Digits, 12)}-{Of(Fake.Digits, 13)}-{Of(Fake.Alnum, 24)}",
                $"SlackNet.SlackException: invalid_auth (token xoxb-{Of(Fake.Digits, 12)}-{Of(Fake.Digits, 13)}-{Of(Fake.Alnum, 24)})"),
            new("slack-token", $"xoxp-{Of(Fake.Digits, 11, 1)}-{Of(Fake.Digits, 12, 1)}-{Of(Fake.Hex, 32, 1)}", $"SLACK_TOKEN=xoxp-{Of(Fake.Digits, 11, 1)}-{Of(Fake.Digits, 12, 1)}-{Of(Fake.Hex, 32, 1)}"),
            new("slack-webhook", $"T{Of(Fake.UpperAlnum, 8)}/B{Of(Fake.UpperAlnum, 10)}/{Of(Fake.Alnum, 24)}",
                $"POST https://hooks.slack.com/services/T{Of(Fake.UpperAlnum, 8)}/B{Of(Fake.UpperAlnum, 10)}/{Of(Fake.Alnum, 24)} failed: 404 (Not Found)"),

            new("api-key", Of(Fake.Hex, 32), $"GET https://api.example.com/v1/items?api_key={Of(Fake.Hex, 32)}&page=2 failed with 403"),
            new("api-key", Of(Fake.Alnum, 40, 1), $"Assert.Equal() Failure: Values differ\nExpected: {{ \"client_id\": \"app\", \"client_secret\": \"{Of(Fake.Alnum, 40, 1)}\" }}"),
            new("api-key", Of(Fake.Alnum, 32, 2), $"curl: (22) The requested URL returned error: 401; headers: x-api-key: {Of(Fake.Alnum, 32, 2)}"),
            new("api-key", Of(Fake.Alnum, 24, 3), $"Loaded settings apikey:{Of(Fake.Alnum, 24, 3)} from environment"),
            new("api-key", "s3cr3t-" + Of(Fake.Alnum, 12, 4), $"var secret = \"s3cr3t-{Of(Fake.Alnum, 12, 4)}\";"),
            new("api-key", Of(Fake.Base64Url, 48, 5), $"REFRESH_TOKEN={Of(Fake.Base64Url, 48, 5)}"),
            new("api-key", Of(Fake.Alnum, 30, 6), $"error MSB4025: The project file could not be loaded. <NuGetApiKey>{Of(Fake.Alnum, 30, 6)}</NuGetApiKey>"),

            new("npm-token", "npm_" + Of(Fake.Alnum, 36), $"npm ERR! code E401 //registry.npmjs.org/:_authToken=npm_{Of(Fake.Alnum, 36)}"),
            new("google-api-key", "AIza" + Of(Fake.Base64Url, 35), $"Google.GoogleApiException: API key not valid. key=AIza{Of(Fake.Base64Url, 35)}"),
            new("stripe-key", "sk_live_" + Of(Fake.Alnum, 24), $"Stripe.StripeException: Invalid API Key provided: sk_live_{Of(Fake.Alnum, 24)}"),
            new("stripe-key", "rk_test_" + Of(Fake.Alnum, 30, 1), string.Format(CultureInfo.InvariantCulture, assertEqual, "rk_test_" + Of(Fake.Alnum, 30, 1))),
            new("nuget-api-key", "oy2" + Of(Fake.LowerAlnum, 43),
                $"dotnet nuget push App.1.0.0.nupkg --api-key oy2{Of(Fake.LowerAlnum, 43)} --source https://api.nuget.org/v3/index.json exited with code 1"),
            new("openai-api-key", "sk-proj-" + Of(Fake.Base64Url, 64), $"OpenAI.ClientResultException: HTTP 401 (invalid_api_key) Incorrect API key provided: sk-proj-{Of(Fake.Base64Url, 64)}"),
            new("anthropic-api-key", "sk-ant-api03-" + Of(Fake.Base64Url, 93), $"ANTHROPIC_API_KEY=sk-ant-api03-{Of(Fake.Base64Url, 93)}"),
            new("basic-auth", Convert.ToBase64String("ci-user:"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes(plainPassword)).ToArray()),
                $"Request headers: Authorization: Basic {Convert.ToBase64String("ci-user:"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes(plainPassword)).ToArray())}"),
        ];
    }

    const string Lowers = Fake.Lower;

    public static readonly IReadOnlyList<NearMiss> NearMisses =
    [
        new("(any)", "a GUID", "Test run 3fa85f64-5717-4562-b3fc-2c963f66afa6 finished in 00:00:01.23"),
        new("github-token", "a commit hash (40 hex)", "HEAD is now at 9fceb02d0ae598e95dc970b74767f19372d61af8 Fix the login test"),
        new("github-token", "a token prefix in prose", "Classic tokens start with ghp_ and are 40 characters long"),
        new("azure-storage-key", "a SHA-256 in hex", "NU1403: Package content hash validation failed for Foo 1.0.0: sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        new("azure-storage-key", "a SHA-512 in base64 (NuGet content hash)", $"packages.lock.json: \"contentHash\": \"{Fake.Of(Fake.Base64, 86, 9)}==\""),
        new("azure-storage-key", "a SHA-512 in base64 near the word key", $"NU1403: lock file entry for key 'Foo/1.0.0' has contentHash {Fake.Of(Fake.Base64, 86, 10)}=="),
        new("api-key", "base64 of ordinary text", "Decoded 'SGVsbG8gd29ybGQ=' to 'Hello world'"),
        new("password", "Password as a property in code", "user.Password = value;"),
        new("password", "'password' in a compiler message", "CS0103: The name 'password' does not exist in the current context"),
        new("password", "a comparison", "if (password == null) throw new ArgumentNullException(nameof(password));"),
        new("password", "a named argument", "var user = new User(name: name, password: password);"),
        new("password", "an empty Password in a connection string", "Server=.;User Id=sa;Password=;Encrypt=false"),
        new("password", "the PWD environment variable", "PWD=/home/dev/repo"),
        new("password", "a switch whose name ends in Password", "Set -p:PromptForPassword=false to run unattended"),
        new("password", "a URL with a port", "Failed to connect to http://localhost:5000/api/users"),
        new("api-key", "api_key without a value", "Configuration value 'api_key' is missing"),
        new("api-key", "api_key= with nothing after it", "Set api_key= in appsettings.json"),
        new("api-key", "an empty JSON value", "{ \"api_key\": \"\" }"),
        new("api-key", "a null JSON value", "{\"apiKey\":null}"),
        new("api-key", "an MSBuild property reference", "<NuGetApiKey>$(NUGET_API_KEY)</NuGetApiKey>"),
        new("api-key", "an environment variable reference", "set ApiKey=%NUGET_API_KEY% before pushing"),
        new("api-key", "a parser's message", "Unexpected token: '}' at line 3"),
        new("api-key", "a CancellationToken parameter", "public Task RunAsync(CancellationToken token = default)"),
        new("api-key", "a configuration lookup", "options.ApiKey = configuration[\"ApiKey\"];"),
        new("api-key", "a lambda", "var values = tokens.Select(token => token.Value);"),
        new("(any)", "a source path in a diagnostic", "/home/dev/repo/src/Auth/TokenService.cs(12,5): error CS0246: The type or namespace name 'ISecretStore' could not be found"),
        new("(any)", "a Windows path", "C:\\src\\repo\\config\\api_key.json could not be found"),
        new("(any)", "version numbers", "Microsoft.NET.Test.Sdk 18.0.1 requires Microsoft.TestPlatform 1.0.0-preview.7.25380.108"),
        new("bearer-token", "Bearer in prose", "The Bearer scheme requires an access token in the Authorization header."),
        new("bearer-token", "Bearer before a long word", "Configure the Bearer AuthenticationHandler before UseAuthorization()"),
        new("bearer-token", "a WWW-Authenticate challenge", "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The token expired at '11/24/2026 20:00:00'\""),
        new("private-key", "a certificate", Fake.Pem("CERTIFICATE", 2, 9)),
        new("private-key", "a public key", Fake.Pem("PUBLIC KEY", 2, 9)),
        new("slack-token", "xoxo", "Signed xoxo-hugs-and-kisses-from-the-team"),
        new("aws-access-key", "a key id too short", "AKIAEXAMPLE is not a valid key id"),
        new("openai-api-key", "sk- inside a word", "risk-assessment-0123456789abcdef0123456789abcdef0123"),
        new("jwt", "a JWT header alone", "eyJhbGciOiJIUzI1NiJ9 is a JWT header"),
        new("azure-sas-token", "a short sig parameter", "GET /feed?sig=abc&x=1"),
        new("(any)", "an xUnit Assert.Equal failure", "Assert.Equal() Failure: Strings differ\n           ↓ (pos 0)\nExpected: \"expected\"\nActual:   \"actual\"\n           ↑ (pos 0)"),
        new("(any)", "a compiler message with generics", "CS0029: Cannot implicitly convert type 'System.Collections.Generic.List<string>' to 'string'"),
    ];
}
