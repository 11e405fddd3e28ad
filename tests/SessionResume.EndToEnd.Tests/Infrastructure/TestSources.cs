namespace SessionResume.Tests.Infrastructure;

/// <summary>xunit test classes for the throwaway test projects (namespace = the project's name).</summary>
public static class TestSources
{
    public const string SubtractsAssert = "Assert.Equal(SUBTRACTS, 3 - 1);";
    public const string RowAssert = "Assert.True(ROW);";

    /// <summary>
    /// MathTests: Adds and Multiplies pass, Divides is skipped, Subtracts fails unless
    /// SUBTRACTSFIXED, and the Theory Row has three data rows of which (1, 2) and (3, 4) fail
    /// unless ROWFIXED. Broken: 7 tests, 3 passed, 3 failed, 1 skipped.
    /// </summary>
    public static string MathTests(string ns, bool subtractsFixed = false, bool rowFixed = false) => $$"""
        namespace {{ns}};

        public class MathTests
        {
            [Fact]
            public void Adds() => Assert.Equal(4, 2 + 2);

            [Fact]
            public void Multiplies() => Assert.Equal(6, 2 * 3);

            [Fact]
            public void Subtracts()
            {
                {{SubtractsLine(subtractsFixed)}}
            }

            [Fact(Skip = "not written yet")]
            public void Divides()
            {
            }

            [Theory]
            [InlineData(1, 2)]
            [InlineData(2, 2)]
            [InlineData(3, 4)]
            public void Row(int a, int b)
            {
                {{RowLine(rowFixed)}}
            }
        }

        """;

    public static string SubtractsLine(bool isFixed) => SubtractsAssert.Replace("SUBTRACTS", isFixed ? "2" : "1");
    public static string RowLine(bool isFixed) => RowAssert.Replace("ROW", isFixed ? "a <= b" : "a == b");

    /// <summary>One passing and (unless FIXED) one failing test in class CLASS: `Passes` and `Fails`.</summary>
    public static string PassAndFail(string ns, string type, bool isFixed = false) => $$"""
        namespace {{ns}};

        public class {{type}}
        {
            [Fact]
            public void Passes() => Assert.True(true);

            [Fact]
            public void Fails()
            {
                {{FailsLine(isFixed)}}
            }
        }

        """;

    public static string FailsLine(bool isFixed) => isFixed ? "Assert.Equal(42, 6 * 7);" : "Assert.Equal(42, 6 * 9);";
}
