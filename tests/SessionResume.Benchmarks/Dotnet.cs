using SessionResume.Tests.Infrastructure;

namespace SessionResume.Benchmarks;

public sealed class BenchmarkException(string message) : Exception(message);

/// <summary>What one <c>dotnet</c> command did: exit code, wall time, output, and the peak memory of
/// its process tree (0 where it cannot be read).</summary>
public sealed record RunResult(int ExitCode, TimeSpan Elapsed, string Output, long PeakBytes);

/// <summary>Runs the dotnet CLI as a user would: no build-node reuse, no telemetry, no terminal logger
/// (the environment and the process runner of the end-to-end tests).</summary>
public static class Dotnet
{
    /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>; throws if it fails.</summary>
    public static RunResult Run(string workingDirectory, IEnumerable<string> args, string? nugetPackages = null)
    {
        var result = TryRun(workingDirectory, args, nugetPackages);
        if (result.ExitCode != 0)
        {
            throw new BenchmarkException(
                $"`dotnet {string.Join(' ', args)}` in {workingDirectory} exited with {result.ExitCode}:\n{result.Output}");
        }
        return result;
    }

    /// <summary>Runs <c>dotnet args</c> without a time limit, sampling the memory of its process tree
    /// every <see cref="ProcessRunner.PollInterval"/>; with <paramref name="nugetPackages"/>, NuGet
    /// extracts packages there.</summary>
    public static RunResult TryRun(string workingDirectory, IEnumerable<string> args, string? nugetPackages = null)
    {
        ProcessTreePeak? peak = null;
        var result = ProcessRunner.Run(DotNetCli.Host, args, workingDirectory, DotNetCli.ChildEnvironment(nugetPackages),
            Timeout.InfiniteTimeSpan, process => (peak ??= new ProcessTreePeak(process.Id)).Sample());
        return new RunResult(result.ExitCode, result.Duration, result.Output, peak?.Bytes ?? 0);
    }
}

/// <summary>The sum of the peak resident set (VmHWM) of a process and of every descendant seen while
/// it ran, sampled from /proc; stays 0 where there is no /proc.</summary>
internal sealed class ProcessTreePeak(int rootPid)
{
    private readonly Dictionary<int, long> _peaks = [];

    public long Bytes => _peaks.Values.Sum();

    public void Sample()
    {
        var children = ChildrenByParent();
        var pending = new Stack<int>([rootPid]);
        while (pending.TryPop(out var pid))
        {
            var hwm = ReadHighWaterMark(pid);
            if (hwm > 0)
            {
                _peaks[pid] = Math.Max(_peaks.GetValueOrDefault(pid), hwm);
            }
            foreach (var child in children[pid])
            {
                pending.Push(child);
            }
        }
    }

    private static long ReadHighWaterMark(int pid)
    {
        // "VmHWM:     123456 kB"
        var line = ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), out var kb) ? kb * 1024 : 0;
    }

    private static ILookup<int, int> ChildrenByParent()
    {
        var pairs = new List<(int Parent, int Child)>();
        if (Directory.Exists("/proc"))
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                // /proc/PID/stat: "PID (command) STATE PPID ..."; the command may hold spaces and parentheses.
                if (int.TryParse(Path.GetFileName(dir), out var pid) && ReadLines(Path.Combine(dir, "stat")).FirstOrDefault() is { } stat)
                {
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (fields.Length > 1 && int.TryParse(fields[1], out var parent))
                    {
                        pairs.Add((parent, pid));
                    }
                }
            }
        }
        return pairs.ToLookup(p => p.Parent, p => p.Child);
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // the process has gone
        }
    }
}
