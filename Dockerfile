# Regierol per fase as a container: the Streamlit app, run as an unprivileged user, listening on all
# interfaces inside the container (the proxy in compose.yaml is the only way in), telemetry off.
# Build:  docker build -t regierol-per-fase .
# Run:    see compose.yaml and docs/beheer.md ("Draaien met Docker").
FROM python:3.11-slim-bookworm

# chromium draws the PNG downloads of charts (kaleido); fonts so the pictures have Dutch characters;
# curl for the health check.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BROWSER_PATH=/usr/bin/chromium \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

RUN useradd --create-home --uid 10001 regie
COPY --chown=root:root app.py ./
COPY --chown=root:root .streamlit/config.toml .streamlit/config.toml
COPY --chown=root:root pages/ pages/
COPY --chown=root:root regie/ regie/
COPY --chown=root:root data/ data/
COPY --chown=root:root docs/ docs/

USER regie
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8501/_stcore/health || exit 1
CMD ["python", "-m", "regie.ui.serve"]
