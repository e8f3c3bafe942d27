"""docker-compose.yml starts Neo4j once a `.env` exists: checked against the image's own startup rules.

The neo4j image's entrypoint (neo4j/docker-neo4j, docker-image-src/5/coredb/docker-entrypoint.sh)
turns every NEO4J_* variable in the container, except its own control variables, into a
neo4j.conf setting (strip NEO4J_, `_` -> `.`, `__` -> `_`); Neo4j 5 validates settings strictly
and exits on unknown ones (NEO4J_URI -> `URI`). It reads the password from NEO4J_AUTH
(`neo4j/<password>`), refusing one under 8 characters. No Docker runs here, so the compose file
is parsed and compose's variable rules applied to it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"

# docker-entrypoint.sh `not_configs`: NEO4J_* variables the image uses itself.
IMAGE_CONTROL = {"NEO4J_ACCEPT_LICENSE_AGREEMENT", "NEO4J_AUTH", "NEO4J_AUTH_PATH", "NEO4J_DEBUG", "NEO4J_EDITION",
                 "NEO4J_HOME", "NEO4J_PLUGINS", "NEO4J_SHA256", "NEO4J_TARBALL", "NEO4J_DEPRECATION_WARNING"}
# Neo4j 5 settings (operations manual, configuration settings) this project sets through the image.
KNOWN_SETTINGS = {"server.memory.heap.max_size", "server.memory.heap.initial_size", "server.memory.pagecache.size",
                  "db.memory.transaction.total.max"}
AUTH = re.compile(r"^([^/]+)/([^/]+)/?([tT][rR][uU][eE])?$")  # the entrypoint's NEO4J_AUTH pattern


def service() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]["neo4j"]


def dotenv(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's interpolation: ${VAR}, ${VAR:-default}; `$$` is a literal `$` for the container."""
    def sub(m: re.Match) -> str:
        if m.group(0) == "$$":
            return "$"
        name, default = m.group(1), m.group(3)
        return env.get(name) or (default or "")
    return re.sub(r"\$\$|\$\{(\w+)(:-([^}]*))?\}", sub, value)


def container_environment(env: dict[str, str]) -> dict[str, str]:
    """The variables the container gets: `environment`, plus every line of each env_file (compose's rules)."""
    svc = service()
    out: dict[str, str] = {}
    for entry in svc.get("env_file", []) or []:
        path = ROOT / (entry["path"] if isinstance(entry, dict) else entry)
        if path.name == ".env":  # the file a user creates from .env.example
            out.update(env)
    raw = svc.get("environment", {})
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) for item in raw)
    out.update({k: interpolate(str(v), env) for k, v in raw.items()})
    return out


def setting_name(variable: str) -> str:
    """neo4j.conf setting the entrypoint writes for a NEO4J_* variable."""
    return variable.removeprefix("NEO4J_").replace("_", ".").replace("..", "_")


def test_only_image_settings_reach_the_container_when_a_dotenv_exists():
    env = dotenv(ENV_EXAMPLE)  # the user copied .env.example to .env
    assert {"NEO4J_PASSWORD", "NEO4J_URI", "NEO4J_USER"} <= set(env)
    assert "env_file" not in service()
    container = container_environment(env)
    for var in container:
        if var.startswith("NEO4J_") and var not in IMAGE_CONTROL:
            assert setting_name(var) in KNOWN_SETTINGS, f"{var} becomes neo4j.conf `{setting_name(var)}`: Neo4j 5 exits"
    assert not {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"} & set(container)


def test_settings_model_rejects_what_env_file_used_to_copy():
    # the check above can fail: NEO4J_URI becomes the unknown setting `URI`
    assert setting_name("NEO4J_URI") == "URI" not in KNOWN_SETTINGS
    assert setting_name("NEO4J_server_memory_heap_max__size") == "server.memory.heap.max_size"


def test_password_comes_from_dotenv_and_is_long_enough():
    for env in (dotenv(ENV_EXAMPLE), {}, {"NEO4J_PASSWORD": "another-long-one"}):
        auth = container_environment(env)["NEO4J_AUTH"]
        user, password, _ = AUTH.match(auth).groups()
        assert user == "neo4j" and password == (env.get("NEO4J_PASSWORD") or "aikg-local-dev")
        assert len(password) >= 8, "Neo4j refuses passwords under 8 characters"
    for text in (COMPOSE.read_text(encoding="utf-8"), ENV_EXAMPLE.read_text(encoding="utf-8")):
        assert "8 characters" in text  # said where the password is set


def test_healthcheck_uses_only_variables_the_container_has():
    env = dotenv(ENV_EXAMPLE)
    container = container_environment(env)
    test = " ".join(service()["healthcheck"]["test"])
    command = interpolate(test, env)  # what the container's shell runs
    used = set(re.findall(r"\$\{?(\w+)", command))
    assert used and used <= set(container), used - set(container)
    # ${NEO4J_AUTH#neo4j/} in the container's shell is the password
    m = re.search(r"\$\{NEO4J_AUTH#([^}]*)\}", command)
    assert m and container["NEO4J_AUTH"].removeprefix(m.group(1)) == env["NEO4J_PASSWORD"]
