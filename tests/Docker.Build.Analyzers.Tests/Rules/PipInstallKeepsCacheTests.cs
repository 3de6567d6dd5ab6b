using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class PipInstallKeepsCacheTests
    {
        [Fact]
        public void Reports_pip_pip3_and_python_m_pip()
        {
            AssertFindings(
                "FROM python:3.12-slim\n" +
                "RUN pip install -r requirements.txt\n" +
                "RUN pip3.12 install --upgrade pip && python3 -m pip install \\\n" +
                "      flask==3.0.0\n" +
                "RUN [\"python\", \"-m\", \"pip\", \"install\", \"gunicorn\"]\n",
                "DKR109", "DKR109@2:9", "DKR109@3:13", "DKR109@3:53", "DKR109@5:30");
        }

        [Theory]
        [InlineData("RUN pip install --no-cache-dir -r requirements.txt")]
        [InlineData("RUN PIP_NO_CACHE_DIR=1 pip install flask")]
        [InlineData("RUN export PIP_NO_CACHE_DIR=1 && pip install flask")]
        [InlineData("RUN --mount=type=cache,target=/root/.cache/pip pip install flask")]
        [InlineData("RUN --mount=type=cache,target=/home/app/.cache pip install flask")]
        [InlineData("RUN pip install flask && rm -rf /root/.cache/pip")]
        [InlineData("RUN pip install flask && pip cache purge")]
        [InlineData("RUN pip download flask")]
        [InlineData("RUN pip --version")]
        public void Silent_when_the_cache_does_not_stay(string run)
        {
            AssertSilent("FROM python:3.12-slim\n" + run + "\n", "DKR109");
        }

        [Fact]
        public void Silent_when_PIP_NO_CACHE_DIR_is_in_scope()
        {
            AssertSilent("FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n", "DKR109");
            AssertSilent("FROM python:3.12-slim\nARG PIP_NO_CACHE_DIR=off\nRUN pip install flask\n", "DKR109");
        }

        [Fact]
        public void Silent_in_discarded_build_stages()
        {
            AssertSilent(
                "FROM python:3.12 AS build\n" +
                "RUN pip install build && python -m build\n" +
                "FROM python:3.12-slim\n" +
                "COPY --from=build /src/dist /dist\n" +
                "RUN pip install --no-cache-dir /dist/*.whl\n",
                "DKR109");
        }
    }
}
