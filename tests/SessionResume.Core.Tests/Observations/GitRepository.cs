using System.Diagnostics;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Observations;

/// <summary>A throwaway git repository with its own identity, so tests never depend on the machine's git setup.</summary>
sealed class GitRepository : IDisposable
{
    readonly TempDirectory directory = new();

    public GitRepository()
    {
        Git("init", "--quiet");
        Git("config", "user.email", "tests@example.invalid");
        Git("config", "user.name", "SessionResume tests");
        Git("config", "commit.gpgsign", "false");
        Git("config", "status.renames", "true");
        Git("config", "core.autocrlf", "false");
    }

    public string Path => directory.Path;

    public string Write(string relativePath, string text)
    {
        var full = directory.File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error.Result}");
    }

    public void Dispose()
    {
        // git makes its object files read-only, which Windows refuses to delete.
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        directory.Dispose();
    }
}
