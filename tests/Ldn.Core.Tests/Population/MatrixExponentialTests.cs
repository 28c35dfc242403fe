using Ldn.Core.Population.Fast;
using Xunit;

namespace Ldn.Core.Tests.Population;

public sealed class MatrixExponentialTests
{
    [Theory]
    [InlineData(2.5, 0.173, 0.5)]
    [InlineData(2.5, 0.173, 12)]
    [InlineData(0.0277, 0.0533, 24)]
    public void A_depot_feeding_a_compartment_matches_the_bateman_solution(double ka, double k, double t)
    {
        // dA/dt = −ka·A, dC/dt = ka·A − k·C: e^(Mt) = [[e^(−ka t), 0], [ka(e^(−k t) − e^(−ka t))/(ka − k), e^(−k t)]].
        double[] m = [-ka * t, 0, ka * t, -k * t];
        var result = new double[4];
        MatrixExponential.Compute(m, 2, result);
        var bateman = ka * (Math.Exp(-k * t) - Math.Exp(-ka * t)) / (ka - k);
        Assert.Equal(Math.Exp(-ka * t), result[0], 1e-13);
        Assert.Equal(0, result[1]);
        Assert.Equal(bateman, result[2], 1e-12);
        Assert.Equal(Math.Exp(-k * t), result[3], 1e-13);
    }
}
