{#- What a materialization written in Jinja (a project's {% materialization %} block) calls around its statements. -#}

{% macro run_hooks(hooks, inside_transaction=True) %}
    {%- for hook in hooks | selectattr('transaction', 'equalto', inside_transaction) -%}
        {%- set rendered = hook.get('sql') | trim -%}
        {%- if rendered | length > 0 -%}
            {% call statement(auto_begin=inside_transaction) %}{{ rendered }}{% endcall %}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}

{#- Rockset keeps a relation's description, written by Quarry itself after the build (persist_docs config); columns have none. -#}
{% macro persist_docs(relation, model, for_relation=true, for_columns=true) -%}
{%- endmacro %}

{#- Rockset has no grants: nothing to apply or revoke. -#}
{% macro apply_grants(relation, grant_config, should_revoke=True) -%}
{%- endmacro %}

{% macro should_revoke(existing_relation, full_refresh_mode=True) -%}
    {{ return(false) }}
{%- endmacro %}
