using NotebookNN.Text;

namespace NotebookNN.Tests.Text;

/// <summary>Expected strings are Python 3's (and numpy 1.24's) output for the same value: see
/// <c>python_text_reference.py</c> beside this file (run with /usr/bin/python3); the %-format cases were checked the same way.</summary>
public class PythonTextTests
{
    [Theory]
    [InlineData(0.5, 0, "0")]
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "2")]
    [InlineData(0.03125, 4, "0.0312")]
    [InlineData(0.09375, 4, "0.0938")]
    [InlineData(0.48431, 4, "0.4843")]
    [InlineData(-0.00001, 4, "-0.0000")]
    [InlineData(1234.56785, 4, "1234.5678")]   // binary value lies just below the tie
    [InlineData(311.1111111111111, 0, "311")]
    public void Fixed(double x, int decimals, string expected) => Assert.Equal(expected, PythonText.Fixed(x, decimals));

    [Theory]
    [InlineData(0.0005, "5.0000e-04")]
    [InlineData(-0.5, "-5.0000e-01")]
    [InlineData(0.0, "0.0000e+00")]
    [InlineData(9.99996e-05, "1.0000e-04")]
    [InlineData(1.23456789e-10, "1.2346e-10")]
    [InlineData(6.103515625e-05, "6.1035e-05")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Exponent(double x, string expected) => Assert.Equal(expected, PythonText.Exponent(x, 4));

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1.0, "1.0")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1.5e-05, "1.5e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(1e15, "1000000000000000.0")]      // .NET's round-trip format switches to E+15 here
    [InlineData(1.5e15, "1500000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(2.5e-300, "2.5e-300")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Float_is_Pythons_repr(double x, string expected) => Assert.Equal(expected, PythonText.Float(x));

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(1e-05f, "1e-05")]
    [InlineData(16777216f, "16777216.0")]
    [InlineData(3.4028235e38f, "3.4028235e+38")]
    [InlineData(1e16f, "1e+16")]
    [InlineData(0.0001f, "1e-04")]                // float32(0.0001) lies just below 1e-4
    [InlineData(1e-45f, "1e-45")]
    [InlineData(-7.25f, "-7.25")]
    public void Float32_is_numpys_str(float x, string expected) => Assert.Equal(expected, PythonText.Float32(x));

    [Theory]
    [InlineData(-1.0, "-1")]
    [InlineData(0.5, "0.5")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(null, "None")]
    public void Number_prints_whole_numbers_as_the_int_a_user_wrote(double? x, string expected) => Assert.Equal(expected, PythonText.Number(x));

    [Theory]
    [InlineData(0.0012345, true, "0.0012")]
    [InlineData(0.0005, true, "5.0000e-04")]
    [InlineData(-0.5, true, "-0.5000")]
    [InlineData(-0.5, false, "-5.0000e-01")]       // verbose 2 compares the signed value, as Keras 2 does
    public void ProgbarValue_is_Keras_bar_number(double x, bool absolute, string expected) => Assert.Equal(expected, PythonText.ProgbarValue(x, absolute));

    [Fact]
    public void Repr_is_Pythons_repr_of_parameter_values() =>
        Assert.Equal("[None, 'relu', True, 0.001, 8, [16, 32]]", PythonText.Repr(new object?[] { null, "relu", true, 0.001, 8, new[] { 16, 32 } }));
}
