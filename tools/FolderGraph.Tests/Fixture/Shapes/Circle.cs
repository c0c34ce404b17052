namespace Fixture.Shapes;

// Shapes -> Drawing (the SVG), Drawing -> Shapes (it draws circles): a cycle.
public sealed partial class Circle(double radius)
{
    public double Radius { get; } = radius;
    public string Svg() => Drawing.Svg.SvgWriter.Write(this);
}
