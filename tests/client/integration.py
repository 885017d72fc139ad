"""A municipality's integration, written with the Python client that
openapi-python-client generates from openapi/openapi.json
(scripts/test-client.sh). Every call goes through the generated code, so a
field the spec gets wrong fails here as it would for an integrator.

Usage: integration.py BASE_URL (such as http://127.0.0.1:8080/api/v1).
Prints "N checks passed"; exits non-zero at the first failed check.
"""

import datetime
import sys

import attrs

from themanet_api_client import AuthenticatedClient, Client
from themanet_api_client.api.accounts import login
from themanet_api_client.api.api_clients import create_api_client, issue_client_token
from themanet_api_client.api.goals import create_goal
from themanet_api_client.api.knowledge_links import list_knowledge_links
from themanet_api_client.api.networks import (
    create_network,
    delete_network,
    get_network,
    list_networks,
    update_network,
)
from themanet_api_client.api.stakeholders import list_stakeholders
from themanet_api_client.models import (
    ApiClientInput,
    Audience,
    ClientTokenForm,
    GoalCreate,
    GoalOut,
    InvalidParamCode,
    LoginInput,
    NetworkCreate,
    NetworkInput,
    NetworkOut,
    NetworkPage,
    Problem,
    Scope,
    StakeholderKind,
)
from themanet_api_client.types import Unset

checks = 0


def check(condition, what):
    global checks
    if not condition:
        print(f"failed: {what}")
        sys.exit(1)
    checks += 1


def expect(response, status, what):
    """The response has this status, and its body parsed into a model."""
    check(
        response.status_code == status,
        f"{what}: status {response.status_code}, expected {status}: {response.content[:400]!r}",
    )
    return response.parsed


# What the server always sends, the generated models require: null or a
# value, never "absent".
for model, fields in [
    (NetworkOut, ["my_role", "parent", "parent_id", "region", "member_counts", "municipality_code"]),
    (GoalOut, ["owner_id", "target_date", "achieved_at", "parent_id"]),
    (NetworkPage, ["next_cursor"]),
]:
    defaults = {a.name: a.default for a in attrs.fields(model)}
    for field in fields:
        check(defaults[field] is attrs.NOTHING, f"{model.__name__}.{field} is required")

base = sys.argv[1]
anonymous = Client(base_url=base, raise_on_unexpected_status=True)

# Anonymous reads, page by page with the cursor field.
seen = []
cursor = None
while True:
    kwargs = {"page_size": 2}
    if cursor is not None:
        kwargs["cursor"] = cursor
    page = expect(list_networks.sync_detailed(client=anonymous, **kwargs), 200, "list networks")
    check(isinstance(page, NetworkPage), "a page of networks")
    for network in page.items:
        # Always sent, so never "absent": null or a value.
        check(not isinstance(network.my_role, Unset), "myRole is always sent")
        check(not isinstance(network.parent_id, Unset), "parentId is always sent")
        check(network.my_role is None, "no role without signing in")
    seen.extend(n.id for n in page.items)
    check(page.next_cursor is None or isinstance(page.next_cursor, str), "nextCursor")
    if page.next_cursor is None:
        check(isinstance(page.field_links.next_, Unset), "no next link on the last page")
        break
    cursor = page.next_cursor
check(len(seen) > 2, f"several pages of demo networks ({len(seen)})")
check(len(seen) == len(set(seen)), "no network twice")

links = expect(list_knowledge_links.sync_detailed(client=anonymous), 200, "knowledge links")
check(len(links.items) > 0, "knowledge links")
for link in links.items:
    for audience in link.audiences:
        check(isinstance(audience, (Audience, str)), "an audience, known or new")

# Signing in.
token = expect(
    login.sync_detailed(
        client=anonymous,
        body=LoginInput(email="demo-admin@themanet.example", password="demo-wachtwoord"),
    ),
    200,
    "sign in",
)
admin = AuthenticatedClient(base_url=base, token=token.access_token)

# A network: create, read, change with If-Match, refused when stale.
created = create_network.sync_detailed(
    client=admin,
    body=NetworkCreate(
        name="Toegankelijke bibliotheken Zwolle",
        scope=Scope.REGIONAL,
        theme="Bibliotheken die iedereen welkom heten",
        region="Regio Zwolle",
    ),
)
network = expect(created, 201, "create a network")
check(isinstance(network, NetworkOut), "the new network")
check(created.headers.get("Location", "").endswith(f"/networks/{network.id}"), "Location")
etag = created.headers.get("ETag")
check(etag, "an ETag")
check(network.my_role is not None, "the creator has a role")

read = get_network.sync_detailed(network.id, client=anonymous)
check(expect(read, 200, "read the network").name == network.name, "the same network")

changed = update_network.sync_detailed(
    network.id, client=admin, body=NetworkInput(ambition="Elke bibliotheek toegankelijk in 2028"), if_match=etag
)
expect(changed, 200, "change with If-Match")
stale = update_network.sync_detailed(
    network.id, client=admin, body=NetworkInput(ambition="Iets anders"), if_match=etag
)
problem = expect(stale, 412, "a stale If-Match")
check(isinstance(problem, Problem) and problem.status == 412, "412 as a problem")
etag = changed.headers.get("ETag")

# Bad input: every invalid field, each with a code a program can use.
bad = create_network.sync_detailed(
    client=admin, body=NetworkCreate(name="x", scope=Scope.LOCAL, theme=" ")
)
problem = expect(bad, 400, "an invalid network")
codes = {p.name: p.code for p in problem.invalid_params}
check(set(codes) >= {"name", "theme"}, f"both fields named: {codes}")
check(codes["name"] in (InvalidParamCode.LENGTH, "length"), f"name: {codes['name']}")
name_param = next(p for p in problem.invalid_params if p.name == "name")
check(name_param.minimum == 3, f"the length's bounds: {name_param.minimum}")

# A goal in it.
goal = expect(
    create_goal.sync_detailed(network.id, client=admin, body=GoalCreate(title="Een looproute langs alle vestigingen")),
    201,
    "create a goal",
)
check(goal.achieved_at is None and goal.target_date is None, "goal dates sent as null")

# An API client for a municipality, and its token.
organisations = expect(
    list_stakeholders.sync_detailed(client=admin, kind=StakeholderKind.MUNICIPALITY, page_size=1),
    200,
    "municipalities",
)
check(len(organisations.items) == 1, "a municipality")
made = expect(
    create_api_client.sync_detailed(
        client=admin,
        body=ApiClientInput(
            name="Zaaksysteem (test)", stakeholder_id=organisations.items[0].id, scopes=["goals:write"]
        ),
    ),
    201,
    "create an API client",
)
check(made.last_used_at is None, "never used")
issued = expect(
    issue_client_token.sync_detailed(
        client=anonymous,
        body=ClientTokenForm(
            grant_type="client_credentials", client_id=made.client_id, client_secret=made.client_secret
        ),
    ),
    200,
    "a client token",
)
check(issued.token_type.lower() == "bearer" and "goals:write" in issued.scope, "the token's scopes")
system = AuthenticatedClient(base_url=base, token=issued.access_token)
check(expect(get_network.sync_detailed(network.id, client=system), 200, "read as a client").id == network.id, "client reads")
refused = create_network.sync_detailed(
    client=system, body=NetworkCreate(name="Niet toegestaan", scope=Scope.NATIONAL, theme="Geen scope")
)
expect(refused, 403, "a write outside the client's scopes")

# The deletion feed: a copy kept by updatedSince learns what was deleted.
before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)
expect(delete_network.sync_detailed(network.id, client=admin, if_match=etag), 204, "delete the network")
feed = expect(list_networks.sync_detailed(client=admin, updated_since=before), 200, "changes since")
check(
    not isinstance(feed.deleted, Unset) and network.id in [d.id for d in feed.deleted],
    "the deleted network in the feed",
)

print(f"{checks} checks passed")
