namespace Fixture;

public static class Keras
{
    public static Shapes.Circle Circle(double r) => new(r);
}
