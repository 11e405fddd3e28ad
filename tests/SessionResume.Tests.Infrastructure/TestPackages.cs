using System.Reflection;

namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// The versions of the packages that the projects written by the end-to-end tests and the benchmarks
/// reference, from the PackageVersion items of Directory.Packages.props at the repository root (the
/// build stamps them into this assembly; see SessionResume.Tests.Infrastructure.csproj).
/// </summary>
public static class TestPackages
{
    const string Prefix = "PackageVersion:";

    static readonly Dictionary<string, string> Versions = typeof(TestPackages).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(a.Value))
        .ToDictionary(a => a.Key[Prefix.Length..], a => a.Value!, StringComparer.OrdinalIgnoreCase);

    /// <summary>Microsoft.NET.Test.Sdk, xunit and xunit.runner.visualstudio: the xunit v2 (VSTest) stack.</summary>
    public static string TestSdk => Version("Microsoft.NET.Test.Sdk");
    public static string Xunit => Version("xunit");
    public static string XunitRunner => Version("xunit.runner.visualstudio");

    /// <summary>xunit.v3 on Microsoft.Testing.Platform 2.</summary>
    public static string XunitV3MtpV2 => Version("xunit.v3.mtp-v2");

    /// <summary>The version of PACKAGE in Directory.Packages.props; throws, saying where to add it, when there is none.</summary>
    public static string Version(string package) =>
        Versions.TryGetValue(package, out var version)
            ? version
            : throw new InvalidOperationException(
                $"No version of the package '{package}' is known to the tests: add <PackageVersion Include=\"{package}\" Version=\"...\" /> " +
                $"to Directory.Packages.props at the repository root and build again. Known: {string.Join(", ", Versions.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
}
