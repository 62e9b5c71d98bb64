# interview-prep's web page for a school: `docker build -t interview-prep .` then
# `docker run -p 8000:8000 interview-prep`, and put a reverse proxy with TLS in front.
# The app is stateless (no cookies, no storage), so more replicas behind any load balancer
# serve more students. Settings: INTERVIEW_PREP_RENDER_WORKERS (PDF processes per server
# process), INTERVIEW_PREP_RENDER_TIMEOUT (seconds), INTERVIEW_PREP_MAX_ROWS (roster rows).
FROM python:3.11-slim-bookworm

# Pango lays out PDFs; DejaVu and Noto draw Latin, Greek, Cyrillic, Arabic, Hebrew,
# Devanagari and Chinese, Japanese and Korean names (the list scripts/setup installs)
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
       fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY banks ./banks
COPY src ./src
RUN pip install --no-cache-dir ".[web]" \
    && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin app

USER app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 INTERVIEW_PREP_CACHE=/tmp/interview-prep
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
CMD ["interview-prep", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-browser", "--workers", "2"]
