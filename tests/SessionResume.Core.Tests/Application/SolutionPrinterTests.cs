using SessionResume.Application;

namespace SessionResume.Tests.Application;

public class SolutionPrinterTests
{
    const string Configuration = """
        <SolutionConfiguration>
          <ProjectConfiguration Project="{1}" AbsolutePath="/r/src/B/B.csproj" BuildProjectInSolution="True">Debug|AnyCPU</ProjectConfiguration>
          <ProjectConfiguration Project="{2}" AbsolutePath="/r/src/A/A.csproj" BuildProjectInSolution="True">Debug|AnyCPU</ProjectConfiguration>
          <ProjectConfiguration Project="{3}" AbsolutePath="/r/src/C/C.csproj" BuildProjectInSolution="True">Debug|AnyCPU</ProjectConfiguration>
        </SolutionConfiguration>
        """;

    [Fact]
    public void Exactly_one_project_of_a_solution_prints()
    {
        string[] projects = ["/r/src/A/A.csproj", "/r/src/B/B.csproj", "/r/src/C/C.csproj"];
        var printers = projects.Where(p => SolutionPrinter.ShouldPrint(p, Configuration, _ => true)).ToList();
        Assert.Equal(["/r/src/A/A.csproj"], printers);
    }

    [Fact]
    public void The_printer_is_the_first_project_that_has_the_package()
    {
        Assert.True(SolutionPrinter.ShouldPrint("/r/src/B/B.csproj", Configuration, p => !p.Contains("/A/")));
        Assert.False(SolutionPrinter.ShouldPrint("/r/src/C/C.csproj", Configuration, p => !p.Contains("/A/")));
    }

    [Fact]
    public void A_project_built_on_its_own_prints()
    {
        Assert.True(SolutionPrinter.ShouldPrint("/r/src/B/B.csproj", null, _ => false));
        Assert.True(SolutionPrinter.ShouldPrint("/r/src/B/B.csproj", "", _ => false));
    }
}
