import click
from openai import OpenAI

client = OpenAI(base_url="https://api.deepseek.com")


@click.group()
def cli():
    """Ask DeepSeek from the terminal."""


@cli.command()
def models():
    """Show the models: deepseek-chat (V3), deepseek-reasoner (thinking)."""
    # deepseek-chat (V3), deepseek-reasoner (thinking)
    click.echo("deepseek-chat (V3), deepseek-reasoner (thinking)")


@cli.command()
@click.argument("question")
def ask(question):
    reply = client.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": question}])
    click.echo(reply.choices[0].message.content)
