using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Faults;

/// <summary>What a fault test needs from the machine; without it the test is skipped with the reason.</summary>
public enum FaultNeeds
{
    /// <summary>A read-only folder that stops the build: chmod (not as root), or as root a user namespace where the files' owner has no privileges.</summary>
    ReadOnlyFolder,
    /// <summary>A tiny tmpfs to fill: a private mount namespace (root, or an unprivileged user namespace).</summary>
    TinyTmpfs,
    /// <summary>A PATH without git but with dotnet (a symbolic link to it).</summary>
    PathWithoutGit,
}

/// <summary>A [Fact] skipped at discovery, with the reason, when the machine cannot simulate the fault.</summary>
public sealed class FaultFactAttribute : FactAttribute
{
    public FaultFactAttribute(FaultNeeds needs)
    {
        if (FaultSetup.WhyNot(needs) is { } reason) Skip = reason;
    }
}

/// <summary>Probes for the faults and the command lines that simulate them; the expectations every fault test shares.</summary>
public static class FaultSetup
{
    /// <summary>The user a root process becomes inside the user namespace; it owns (as seen there) every file root owns.</summary>
    public const int UnprivilegedId = 1000;

    static readonly Lazy<ReadOnlyMethod> readOnly = new(ProbeReadOnly);
    static readonly Lazy<string?> tmpfs = new(ProbeTmpfs);

    public enum ReadOnlyMethod { Chmod, UserNamespace, Unavailable }

    public static ReadOnlyMethod ReadOnly => readOnly.Value;

    public static string? WhyNot(FaultNeeds needs) => needs switch
    {
        FaultNeeds.ReadOnlyFolder when OperatingSystem.IsWindows() => "read-only folders are simulated with Unix file modes",
        FaultNeeds.ReadOnlyFolder when ReadOnly == ReadOnlyMethod.Unavailable =>
            "this process runs as root (chmod does not stop root) and `unshare --user --map-user` is not available to drop that privilege",
        FaultNeeds.TinyTmpfs when !OperatingSystem.IsLinux() => "a tiny tmpfs needs Linux mount namespaces",
        FaultNeeds.TinyTmpfs => tmpfs.Value,
        FaultNeeds.PathWithoutGit when OperatingSystem.IsWindows() => "the PATH without git is made with a symbolic link to dotnet (Unix)",
        _ => null,
    };

    static ReadOnlyMethod ProbeReadOnly()
    {
        if (OperatingSystem.IsWindows()) return ReadOnlyMethod.Unavailable;
        var dir = Directory.CreateTempSubdirectory("sr-e2e-ro-").FullName;
        try
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var probe = Path.Combine(dir, "probe");
            if (Run("sh", ["-c", $"touch '{probe}'"]) != 0) return ReadOnlyMethod.Chmod;
            File.Delete(probe);
            var wrapped = Run("unshare", [$"--map-user={UnprivilegedId}", $"--map-group={UnprivilegedId}", "sh", "-c", $"touch '{probe}'"]);
            return wrapped != 0 && !File.Exists(probe) && Run("unshare", [$"--map-user={UnprivilegedId}", $"--map-group={UnprivilegedId}", "true"]) == 0
                ? ReadOnlyMethod.UserNamespace
                : ReadOnlyMethod.Unavailable;
        }
        finally
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(dir, recursive: true);
        }
    }

    static string? ProbeTmpfs()
    {
        var dir = Directory.CreateTempSubdirectory("sr-e2e-tmpfs-").FullName;
        try
        {
            return Run("unshare", ["--map-root-user", "--mount", "sh", "-c", $"mount -t tmpfs -o size=64k tmpfs '{dir}'"]) == 0
                ? null
                : "mounting a tmpfs in a private mount namespace (`unshare --map-root-user --mount`) is not allowed here (no root, unprivileged user namespaces disabled)";
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Exit code of a small probe command; -1 when it cannot start.</summary>
    static int Run(string file, string[] arguments)
    {
        try
        {
            return ProcessRunner.Run(file, arguments, Path.GetTempPath(), timeout: TimeSpan.FromSeconds(20)).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    /// <summary>The dotnet executable the suite uses, as a full path.</summary>
    public static string DotNetExecutable()
    {
        var host = E2EEnvironment.Instance.DotNetHost;
        if (Path.IsPathRooted(host)) return host;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, host);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"{host} is not on PATH.");
    }

    /// <summary>Single-quoted for bash.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";

    // ------------------------------------------------------------------ expectations

    /// <summary>
    /// The package said exactly one thing: one SR warning (the console logger repeats it in its summary,
    /// so distinct lines are counted), with CODE, saying each of PHRASES. Returns the warning's line.
    /// </summary>
    public static string OneWarning(ThrowawayRepo repo, CommandResult result, string code, params string[] phrases)
    {
        var context = repo.Describe(result);
        var package = Printed.Lines(result.Output).Where(l => Regex.IsMatch(l, @"\b(warning|error) SR\d{4}\b")).Select(l => l.Trim()).Distinct().ToList();
        Check.That(package.Count == 1, $"Expected one SR warning, got {package.Count}:\n{string.Join("\n", package)}\n{context}");
        var line = package[0];
        Check.That(line.Contains($"warning {code}:", StringComparison.Ordinal), $"Expected {code}:\n{line}\n{context}");
        foreach (var phrase in phrases)
            Check.That(line.Contains(phrase, StringComparison.Ordinal), $"The warning does not say \"{phrase}\":\n{line}\n{context}");
        Check.That(Regex.IsMatch(result.Output, @"^\s*1 Warning\(s\)", RegexOptions.Multiline), "MSBuild counts one warning.\n" + context);
        return line;
    }

    public static byte[] Garbage(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
