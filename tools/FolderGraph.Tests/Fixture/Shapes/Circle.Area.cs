namespace Fixture.Shapes;

public sealed partial class Circle
{
    public double Area => System.Math.PI * Radius * Radius;
}
