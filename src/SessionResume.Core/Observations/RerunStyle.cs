namespace SessionResume.Observations;

/// <summary>How the runner that produced a result selects tests again.</summary>
public enum RerunStyle
{
    /// <summary>VSTest: dotnet test PROJECT --filter "FullyQualifiedName=..."</summary>
    VSTest,
    /// <summary>MTP with a VSTest-syntax filter (MSTest): dotnet test --project PROJECT --filter "..."</summary>
    TestingPlatform,
    /// <summary>MTP with xunit.v3: dotnet test --project PROJECT --filter-method NAME</summary>
    TestingPlatformXunit,
}

public static class RerunStyles
{
    public static string Name(RerunStyle style) => style switch
    {
        RerunStyle.TestingPlatform => "mtp",
        RerunStyle.TestingPlatformXunit => "mtp-xunit",
        _ => "vstest",
    };

    public static RerunStyle Parse(string? name) => name switch
    {
        "mtp" => RerunStyle.TestingPlatform,
        "mtp-xunit" => RerunStyle.TestingPlatformXunit,
        _ => RerunStyle.VSTest,
    };
}
