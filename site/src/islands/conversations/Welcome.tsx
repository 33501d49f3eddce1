/**
 * Before a member's first post in a network: the name others will see (theirs to choose, never
 * their real name unless they want it), the guidelines, and "I agree". Saved with PUT …/me; the
 * CMS's 422 names each bad field, shown beside it.
 */
import { useState, type SubmitEvent } from 'react'
import { DISPLAY_NAME_MAX_CHARS } from '../../../../content-models/conversations'
import type { MeInNetwork, NetworkConversations } from '../../../../content-models/conversationsApi'
import { callApi } from '../account/accountApi'
import { errorProps } from '../forms/parts'
import { Guidelines } from './Guidelines'
import { FieldAlert, focusFirstError } from './parts'
import { postErrors, type Answer } from './talkState'
import { talkPaths } from './useTalk'

export type WelcomeProps = {
  api: string
  network: NetworkConversations['network']
  me: MeInNetwork
  onDone: (me: MeInNetwork) => void
  refuse: (answer: Answer) => boolean
}

export function Welcome({ api, network, me, onDone, refuse }: WelcomeProps) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const element = event.currentTarget
    const form = new FormData(element)
    const displayName = String(form.get('displayName') ?? '').trim()
    const found: Record<string, string> = {}
    if (displayName.length < 2) found.displayName = 'Choose a name of at least 2 characters.'
    if (!form.get('acceptGuidelines')) found.acceptGuidelines = 'Tick the box to agree to the guidelines.'
    setErrors(found)
    if (Object.keys(found).length) return focusFirstError(element)
    setBusy(true)
    const answer = await callApi<{ me: MeInNetwork }>(api, talkPaths.me(network.slug), 'PUT', {
      displayName,
      acceptGuidelines: true,
      showNameToOrganisers: form.get('showNameToOrganisers') === 'yes',
    })
    setBusy(false)
    if (refuse(answer)) return
    if (answer.status === 200 && answer.body.me) onDone(answer.body.me)
    else {
      setErrors(postErrors(answer, 'displayName'))
      focusFirstError(element)
    }
  }

  return (
    <form className="sign-form talk-welcome" onSubmit={onSubmit} noValidate aria-labelledby="welcome-heading">
      <h3 id="welcome-heading">Before you post</h3>
      <div className="field">
        <label htmlFor="displayName">Your name in {network.name}</label>
        <p className="hint" id="displayName-hint">
          This is the only thing other members see about you. It does not have to be your real name, and we
          suggest it is not, unless you want it to be. Up to {DISPLAY_NAME_MAX_CHARS} characters.
        </p>
        <input
          id="displayName"
          name="displayName"
          type="text"
          autoComplete="off"
          maxLength={DISPLAY_NAME_MAX_CHARS}
          defaultValue={me.displayName ?? ''}
          {...errorProps('displayName', errors, 'displayName-hint')}
        />
        <FieldAlert id="displayName" message={errors.displayName} />
      </div>
      <div className="field checkbox">
        <input
          id="showNameToOrganisers"
          name="showNameToOrganisers"
          type="checkbox"
          value="yes"
          defaultChecked={me.showNameToOrganisers}
        />
        <label htmlFor="showNameToOrganisers">
          Let the organisers of {network.name} see my first name and email address (you can leave this
          unticked: then they see only the name above, like everyone else)
        </label>
      </div>
      <Guidelines networkName={network.name} own={network.guidelines} retention={network.messageRetention} />
      <div className="field checkbox">
        <input
          id="acceptGuidelines"
          name="acceptGuidelines"
          type="checkbox"
          value="yes"
          defaultChecked={me.guidelinesAccepted}
          {...errorProps('acceptGuidelines', errors)}
        />
        <label htmlFor="acceptGuidelines">I agree to follow these guidelines</label>
      </div>
      <FieldAlert id="acceptGuidelines" message={errors.acceptGuidelines} />
      <button type="submit" className="button" disabled={busy}>
        Save and start talking
      </button>
    </form>
  )
}
