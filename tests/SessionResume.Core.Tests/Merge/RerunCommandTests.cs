using SessionResume.Merge;
using SessionResume.Observations;

namespace SessionResume.Tests.Merge;

public class RerunCommandTests
{
    [Fact]
    public void One_test_reruns_by_its_fully_qualified_name()
    {
        Assert.Equal("dotnet test tests/A/A.csproj --filter \"FullyQualifiedName=Ns.C.M\"", RerunCommand.For("tests/A/A.csproj", ["Ns.C.M"]));
    }

    [Fact]
    public void Several_tests_are_or_ed_in_a_stable_order_without_duplicates()
    {
        Assert.Equal("dotnet test p.csproj --filter \"FullyQualifiedName=A.B|FullyQualifiedName=A.C\"",
            RerunCommand.For("p.csproj", ["A.C", "A.B", "A.C"]));
    }

    [Theory]
    [InlineData(@"A.B(x)", @"A.B\(x\)")]
    [InlineData("A=B&C|D!E~F", @"A\=B\&C\|D\!E\~F")]
    [InlineData(@"A\B", @"A\\B")]
    [InlineData("Ns.Outer+Inner.M", "Ns.Outer+Inner.M")]
    public void Filter_syntax_characters_are_escaped(string name, string expected) =>
        Assert.Equal(expected, RerunCommand.EscapeFilterValue(name));

    [Fact]
    public void Shell_characters_switch_to_single_quotes()
    {
        Assert.Equal("dotnet test p.csproj --filter 'FullyQualifiedName=Ns.Gen`1.M'", RerunCommand.For("p.csproj", ["Ns.Gen`1.M"]));
        Assert.Equal("dotnet test \"my tests/p.csproj\" --filter 'FullyQualifiedName=A.$x'", RerunCommand.For("my tests/p.csproj", ["A.$x"]));
        Assert.Equal(@"'it'\''s $HOME'", RerunCommand.ShellQuote("it's $HOME"));
        Assert.Equal("\"it's\"", RerunCommand.ShellQuote("it's"));
    }

    [Fact]
    public void A_framework_can_be_named()
    {
        Assert.Equal("dotnet test p.csproj --framework net8.0 --filter \"FullyQualifiedName=A.B\"", RerunCommand.For("p.csproj", ["A.B"], "net8.0"));
    }
}
