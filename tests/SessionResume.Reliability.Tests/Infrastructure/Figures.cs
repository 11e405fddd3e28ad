using System.Globalization;
using Xunit.Abstractions;

namespace SessionResume.Reliability.Infrastructure;

/// <summary>
/// Prints a test's figures three ways: to xunit's output (shown with failures and in TRX files), to
/// standard output (shown by `dotnet test` for passing tests too, as the project sets the console
/// logger to normal verbosity), and appended to TestResults/reliability-figures.txt beside the project.
/// </summary>
sealed class Figures(ITestOutputHelper output, string test)
{
    static readonly object FileGate = new();

    public static string FilePath { get; } = Path.Combine(ProjectDirectory(), "TestResults", "reliability-figures.txt");

    public void Line(FormattableString text) => Write(FormattableString.Invariant(text));

    void Write(string text)
    {
        var line = $"[reliability] {test}: {text}";
        output.WriteLine(line);
        Console.Out.WriteLine(line);
        lock (FileGate)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                File.AppendAllText(FilePath, $"{DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} {line}\n");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The folder of the test project (bin/CONFIG/TFM is three levels below it); else the output folder.</summary>
    static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SessionResume.Reliability.Tests.csproj"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
