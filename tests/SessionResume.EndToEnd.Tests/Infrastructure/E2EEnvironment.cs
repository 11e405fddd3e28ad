using System.Globalization;
namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// Everything shared by the whole test run, created once on first use (thread-safe; if packing
/// fails, every test fails with the pack's output):
/// the repository root, a local feed holding SessionResume.Build packed from the working tree under
/// a version unique to this run, and an isolated NuGet package folder (NUGET_PACKAGES) that every
/// throwaway repository of the run shares, so each package is extracted once per run.
/// </summary>
public sealed class E2EEnvironment
{
    const string WorkRootPrefix = "sessionresume-e2e-";

    static readonly Lazy<E2EEnvironment> instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's environment; the first caller packs the package (about 10-30 s).</summary>
    public static E2EEnvironment Instance => instance.Value;

    /// <summary>Set SESSIONRESUME_E2E_KEEP=1 to keep the temporary folders for inspection.</summary>
    public static bool KeepTemporaryFiles => Environment.GetEnvironmentVariable("SESSIONRESUME_E2E_KEEP") == "1";

    public required string RepositoryRoot { get; init; }
    public required string WorkRoot { get; init; }
    public required string FeedDirectory { get; init; }
    public required string PackagesDirectory { get; init; }
    public required string PackageVersion { get; init; }
    public required string DotNetHost { get; init; }
    /// <summary>The `dotnet pack` of this run (its output is in assertion messages).</summary>
    public CommandResult PackResult { get; private set; } = null!;

    int repoCounter;

    /// <summary>A fresh, unique folder under this run's work root.</summary>
    public string NewDirectory(string hint)
    {
        var safe = new string(hint.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        if (safe.Length > 40) safe = safe[..40];
        var path = Path.Combine(WorkRoot, "repos", $"{Interlocked.Increment(ref repoCounter):D2}-{safe}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// The environment of every dotnet call (<see cref="DotNetCli.ChildEnvironment"/>): no node reuse,
    /// no telemetry or logo, the classic console logger, English messages, none of the variables the
    /// test host inherited from the `dotnet test` that started it, and the run's own package folder
    /// (unless ISOLATEDPACKAGES is false: the pack of the repository's own projects must restore into
    /// the usual folder, or their obj/ would point at this run's temporary one).
    /// </summary>
    public IReadOnlyDictionary<string, string?> ChildEnvironment(bool isolatedPackages = true) =>
        DotNetCli.ChildEnvironment(isolatedPackages ? PackagesDirectory : null);

    /// <summary>Runs `dotnet ARGS` in a folder with the run's environment.</summary>
    public CommandResult DotNet(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null, bool isolatedPackages = true)
    {
        var result = ProcessRunner.Run(DotNetHost, arguments, workingDirectory, ChildEnvironment(isolatedPackages), timeout);
        Log(result);
        return result;
    }

    /// <summary>With SESSIONRESUME_E2E_LOG=FILE, one line per command: how long it took, its exit code.</summary>
    internal static void Log(CommandResult result)
    {
        var file = Environment.GetEnvironmentVariable("SESSIONRESUME_E2E_LOG");
        if (string.IsNullOrEmpty(file))
            return;
        lock (LogGate)
            File.AppendAllText(file, $"{DateTime.UtcNow:HH:mm:ss} {result.Duration.TotalSeconds,6:0.0}s exit {result.ExitCode,3} {result.CommandLine} (in {result.WorkingDirectory})\n");
    }

    static readonly object LogGate = new();

    readonly Lazy<string> upgradeVersion;

    E2EEnvironment() => upgradeVersion = new(PackUpgrade, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A second version of the same package in the feed, newer than <see cref="PackageVersion"/>, for
    /// upgrades: packed on first use from the build of the first pack (--no-build), so it costs seconds.
    /// </summary>
    public string UpgradeVersion => upgradeVersion.Value;

    string PackUpgrade()
    {
        var version = PackageVersion + ".2";   // one more prerelease field: a higher SemVer precedence
        var pack = DotNet(RepositoryRoot, DotNetCli.PackArguments(FeedDirectory, version, "--no-build"),
            TimeSpan.FromMinutes(5), isolatedPackages: false);
        if (!pack.Succeeded || !File.Exists(Path.Combine(FeedDirectory, $"SessionResume.Build.{version}.nupkg")))
            throw new InvalidOperationException($"Packing the upgrade {version} failed.\n{pack}");
        return version;
    }

    static E2EEnvironment Create()
    {
        var repositoryRoot = FindRepositoryRoot();
        CleanUpStaleRuns();

        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var unique = $"{stamp}.{Environment.ProcessId}";
        var workRoot = Path.Combine(Path.GetTempPath(), WorkRootPrefix + unique.Replace('.', '-'));
        var feed = Path.Combine(workRoot, "feed");
        var packages = Path.Combine(workRoot, "packages");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(packages);
        if (!KeepTemporaryFiles)
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(workRoot);

        // "e2e.<timestamp>.<pid>": a fresh version per run, so no package folder or idle node can
        // hand us yesterday's task assembly.
        var version = $"1.0.0-e2e.{unique}";
        var environment = new E2EEnvironment
        {
            RepositoryRoot = repositoryRoot,
            WorkRoot = workRoot,
            FeedDirectory = feed,
            PackagesDirectory = packages,
            PackageVersion = version,
            DotNetHost = DotNetCli.Host,
        };

        var pack = environment.DotNet(repositoryRoot, DotNetCli.PackArguments(feed, version),
            TimeSpan.FromMinutes(10), isolatedPackages: false);

        var nupkg = Path.Combine(feed, $"SessionResume.Build.{version}.nupkg");
        if (!pack.Succeeded || !File.Exists(nupkg))
            throw new InvalidOperationException($"Packing SessionResume.Build failed (expected {nupkg}).\n{pack}");

        environment.PackResult = pack;
        return environment;
    }

    static string FindRepositoryRoot() =>
        DotNetCli.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {DotNetCli.SolutionFile} above {AppContext.BaseDirectory}.");

    /// <summary>
    /// Removes work folders that earlier runs left behind: the test host does not always get to run
    /// its exit handler. A folder is named after the process that made it; it is stale when that
    /// process is gone (or after a day, in case the id was reused).
    /// </summary>
    static void CleanUpStaleRuns()
    {
        if (KeepTemporaryFiles)
            return;
        try
        {
            foreach (var dir in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(WorkRootPrefix + "*"))
            {
                var pidText = dir.Name[(dir.Name.LastIndexOf('-') + 1)..];
                var ownerAlive = int.TryParse(pidText, out var pid) && IsAlive(pid);
                if (!ownerAlive || dir.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))
                    TryDelete(dir.FullName);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
