/**
 * The Strata AI response cache for Spring AI: {@link org.stratacache.ai.springai.AICacheAdvisor}, a
 * {@code ChatClient} advisor for calls and streams that answers a repeated prompt (same messages,
 * tools, chat options and model) from the cache, as the framework's own {@code ChatResponse}.
 */
package org.stratacache.ai.springai;
